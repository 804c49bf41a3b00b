# The whole team. People not listed are removed on apply (never the caller, never the last
# admin). Do not combine with callplane_role_assignment or callplane_user in one tenant.
resource "callplane_role_assignments" "team" {
  assignments = {
    "ops@acme.test" = "admin"
    "lee@acme.test" = "member"
    "sam@acme.test" = "operator"
    "vic@acme.test" = "viewer"
  }
}
