/**
 * What the SDK does without a server: the spec's rules as validators with field paths, and
 * operator schedules entered in local time, stored in UTC.
 *
 *   pnpm --filter @callplane/examples offline
 */
import { fromOperatorSchedule, schemas, toOperatorSchedule, validate } from "@callplane/sdk";

// 1. Check a tenant update before sending it; every broken rule comes with its field path.
const patch = { name: "Ac", phone: "12-34", website: "acme.test", timezone: "Europe/Berlin" };
const result = validate(schemas.TenantUpdate, patch);
if (!result.ok) {
  console.log("tenant update refused:");
  for (const error of result.fieldErrors) console.log(`  ${error.path}: ${error.message}`);
}

// 2. An operator in Berlin works 9–17 on weekdays and 22–02 on Friday night.
const local = [
  ...(["monday", "tuesday", "wednesday", "thursday"] as const).map((day) => ({ day, startHour: 9, endHour: 17 })),
  { day: "friday" as const, startHour: 22, endHour: 24 },
  { day: "saturday" as const, startHour: 0, endHour: 2 },
];
for (const weekOf of [new Date("2026-01-12T12:00:00Z"), new Date("2026-07-13T12:00:00Z")]) {
  const stored = toOperatorSchedule(local, "Europe/Berlin", { weekOf });
  const utc = stored.ranges.map((r) => `${r.day.slice(0, 3)} ${r.startHour}–${r.endHour}`).join(", ");
  console.log(`week of ${weekOf.toISOString().slice(0, 10)}, stored in UTC: ${utc}`);
  const shown = fromOperatorSchedule(stored, { weekOf });
  console.log(`  shown back in Berlin: ${shown.map((r) => `${r.day.slice(0, 3)} ${r.startHour}–${r.endHour}`).join(", ")}`);
}
