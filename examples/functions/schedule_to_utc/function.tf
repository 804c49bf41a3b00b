# Berlin office hours as the UTC ranges callplane_user.operator_schedule holds.
# A fixed week_of gives a stable result; plantimestamp() follows daylight saving.
resource "callplane_user" "olga" {
  name  = "Olga Operator"
  email = "olga@acme.test"
  role  = "operator"

  operator_schedule = {
    timezone = "Europe/Berlin"
    ranges = provider::callplane::schedule_to_utc("Europe/Berlin", "2026-01-05",
      { day = "monday", start_hour = 9, end_hour = 17 },
      { day = "tuesday", start_hour = 9, end_hour = 17 },
    )
  }
}
