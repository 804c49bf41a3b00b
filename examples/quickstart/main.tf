# The quick start: a tenant's settings, three environments sharing the plan's 40 concurrent
# calls 20/10/10, and a team of four with one of each role. `npm run demo` applies it against
# the local server. Endpoint and token come from CALLPLANE_ENDPOINT and CALLPLANE_TOKEN.
terraform {
  required_providers {
    callplane = {
      source = "callplane/callplane"
    }
  }
}

provider "callplane" {}

resource "callplane_tenant_settings" "this" {
  name          = "Acme Voice"
  billing_email = "billing@acme.test"
  website       = "https://acme.test"
  timezone      = "Europe/Berlin"
}

resource "callplane_environment" "production" {
  name = "production"
}

resource "callplane_environment" "staging" {
  name = "staging"
}

resource "callplane_environment" "sandbox" {
  name                = "sandbox"
  hidden              = true
  deletion_protection = false
}

# One atomic call sets every allocation; the sum may never exceed the plan limit.
resource "callplane_concurrency_split" "this" {
  allocations = [
    { environment_id = callplane_environment.production.id, max_concurrent_calls = 20 },
    { environment_id = callplane_environment.staging.id, max_concurrent_calls = 10 },
    { environment_id = callplane_environment.sandbox.id, max_concurrent_calls = 10 },
  ]
}

# The whole team, authoritatively: anyone added by hand shows up as drift.
resource "callplane_role_assignments" "team" {
  assignments = {
    "admin@callplane.local" = "admin"
    "ops@acme.test"         = "admin"
    "lee@acme.test"         = "member"
    "sam@acme.test"         = "operator"
    "vic@acme.test"         = "viewer"
  }
}

output "concurrency" {
  value = {
    plan_limit = callplane_concurrency_split.this.plan_limit
    allocated  = callplane_concurrency_split.this.allocated
    available  = callplane_concurrency_split.this.available
  }
}
