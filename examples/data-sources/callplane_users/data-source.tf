data "callplane_users" "admins" {
  role = "admin"
}

output "admin_emails" {
  value = [for u in data.callplane_users.admins.users : u.email]
}
