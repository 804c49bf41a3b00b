data "callplane_tenant" "this" {}

output "plan_limit" {
  value = data.callplane_tenant.this.plan_limit
}
