# Import an environment by its id.
terraform import callplane_environment.production env_7b2d9e41
