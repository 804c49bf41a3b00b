# Import an invitation by id.
terraform import callplane_invitation.vic inv_2c3d4e5f
