# Import the team; the id is always "team".
terraform import callplane_role_assignments.team team
