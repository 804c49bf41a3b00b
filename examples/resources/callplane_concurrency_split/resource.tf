resource "callplane_environment" "production" {
  name = "production"
}

resource "callplane_environment" "staging" {
  name = "staging"
}

# Sets every allocation in one atomic call; checked against the plan limit at plan time.
resource "callplane_concurrency_split" "this" {
  allocations = [
    { environment_id = callplane_environment.production.id, max_concurrent_calls = 30 },
    { environment_id = callplane_environment.staging.id, max_concurrent_calls = 10 },
  ]
  exclusive = true
}
