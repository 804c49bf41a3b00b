# Import an assignment by email.
terraform import callplane_role_assignment.lee lee@acme.test
