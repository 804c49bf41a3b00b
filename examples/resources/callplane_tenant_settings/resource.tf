# Adopts the tenant of the provider's credential; destroying this only stops managing it.
resource "callplane_tenant_settings" "this" {
  name          = "Acme Voice"
  billing_email = "billing@acme.test"
  phone         = "+4930123456"
  website       = "https://acme.test"
  timezone      = "Europe/Berlin"
}
