# The local hours a user's stored UTC ranges cover in Berlin in the first week of July.
data "callplane_users" "operators" {
  role = "operator"
}

output "monday_shift_in_summer" {
  # [{ day = "monday", start_hour = 10, end_hour = 18 }]
  value = provider::callplane::schedule_from_utc("Europe/Berlin", "2026-07-06",
    { day = "monday", start_hour = 8, end_hour = 16 },
  )
}
