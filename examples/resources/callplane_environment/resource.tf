resource "callplane_environment" "production" {
  name                 = "production"
  max_concurrent_calls = 20
}

# A hidden environment that can be destroyed; rotate its key by changing the keeper.
resource "callplane_environment" "sandbox" {
  name                = "sandbox"
  hidden              = true
  deletion_protection = false
  api_key_rotation    = "2026-11"
}
