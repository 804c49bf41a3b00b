# Platform administrators only: a provider configured with the platform token.
provider "callplane" {
  alias = "platform"
  token = var.platform_token
}

resource "callplane_tenant" "globex" {
  provider      = callplane.platform
  name          = "Globex Calling"
  billing_email = "finance@globex.test"
  plan_limit    = 25
  timezone      = "America/New_York"
  website       = "https://globex.test"

  # Change to rotate the tenant's API key.
  api_key_rotation = "2026-11"
}

# Hand the key to the tenant's own pipeline; it is known after creation and each rotation.
output "globex_api_key" {
  value     = callplane_tenant.globex.api_key
  sensitive = true
}

variable "platform_token" {
  type      = string
  sensitive = true
}
