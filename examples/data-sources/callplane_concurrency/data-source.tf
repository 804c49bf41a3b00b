data "callplane_concurrency" "this" {}

output "calls_available" {
  value = data.callplane_concurrency.this.available
}
