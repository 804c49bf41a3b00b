resource "callplane_invitation" "vic" {
  email           = "vic@acme.test"
  role            = "viewer"
  expires_in_days = 14
}
