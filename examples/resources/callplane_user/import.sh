# Import a user by id.
terraform import callplane_user.sam usr_9e8d7c6b
