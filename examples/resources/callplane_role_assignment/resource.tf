# Gives one person a role: sets it when the user exists, invites the email otherwise.
resource "callplane_role_assignment" "lee" {
  email = "lee@acme.test"
  role  = "member"
}
