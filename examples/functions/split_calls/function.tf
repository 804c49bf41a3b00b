# 40 calls in three equal shares: { dev = 14, prod = 13, staging = 13 }.
output "equal_thirds" {
  value = provider::callplane::split_calls(40, { prod = 1, staging = 1, dev = 1 })
}

# Split the tenant's live plan limit 2:1:1 across environments.
data "callplane_concurrency" "now" {}

locals {
  calls = provider::callplane::split_calls(data.callplane_concurrency.now.plan_limit, {
    production  = 2
    staging     = 1
    development = 1
  })
}

output "production_calls" {
  value = local.calls["production"]
}
