# A read-only token for the rest of this run, revoked when Terraform is done with it.
ephemeral "callplane_api_token" "ci" {
  name  = "ci-read"
  scope = "read"
  ttl   = "15m"
}

# A provider that can only read, configured with the short-lived token.
provider "callplane" {
  alias = "ci"
  token = ephemeral.callplane_api_token.ci.token
}

data "callplane_concurrency" "budget" {
  provider = callplane.ci
}
