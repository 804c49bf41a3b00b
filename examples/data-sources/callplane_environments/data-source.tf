data "callplane_environments" "all" {
  include_hidden = true
}

output "environment_names" {
  value = [for e in data.callplane_environments.all.environments : e.name]
}
