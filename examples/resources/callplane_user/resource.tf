resource "callplane_user" "sam" {
  name             = "Sam Ortiz"
  email            = "sam@acme.test"
  role             = "operator"
  initial_password = var.initial_password

  # Ranges are in UTC; the time zone is where the console shows them.
  operator_schedule = {
    timezone = "Europe/Berlin"
    ranges = [
      { day = "monday", start_hour = 8, end_hour = 16 },
      { day = "tuesday", start_hour = 8, end_hour = 16 },
    ]
  }
}

variable "initial_password" {
  type      = string
  sensitive = true
}
