data "callplane_environment" "production" {
  name = "production"
}
