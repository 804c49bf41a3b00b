# An imported token has no `token` value: Callplane shows it only at creation.
terraform import callplane_api_token.dashboard tok_0123abcd
