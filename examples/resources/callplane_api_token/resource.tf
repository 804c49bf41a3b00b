# A read-only token for a dashboard, expiring at the end of next year.
resource "callplane_api_token" "dashboard" {
  name       = "grafana-dashboard"
  scope      = "read"
  expires_at = "2027-12-31T23:59:59Z"
}

# Known only after the token is created; null after an import.
output "dashboard_token" {
  value     = callplane_api_token.dashboard.token
  sensitive = true
}
