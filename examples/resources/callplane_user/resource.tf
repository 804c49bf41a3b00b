resource "callplane_user" "sam" {
  name  = "Sam Ortiz"
  email = "sam@acme.test"
  role  = "operator"

  # Write-only (Terraform 1.11+): sent when the user is created, never stored in plan or state.
  # Bumping the version records a new password in the configuration; it re-sends nothing for an
  # existing user.
  initial_password_wo         = var.initial_password
  initial_password_wo_version = 1

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
  ephemeral = true
}
