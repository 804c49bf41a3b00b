/** An operator's own schedule, read-only: hours per weekday in the zone they were entered in. */
import { WEEKDAYS, fromOperatorSchedule, type OperatorSchedule } from "@callplane/sdk";
import { Callout, Empty, Loading, useLoad } from "../components.js";
import { capitalise } from "../format.js";
import { useSession } from "../session.js";

const hour = (h: number) => `${String(Math.floor(h)).padStart(2, "0")}:${String(Math.round((h % 1) * 60)).padStart(2, "0")}`;

export function MyScheduleTab() {
  const { client, user } = useSession();
  const { data: me, error } = useLoad(async () => (user ? client.users.get(user.id) : undefined), [user?.id]);
  if (!user) return <Callout kind="info">Sign in with your email and password to see your own schedule.</Callout>;
  if (error) return <Callout kind="error">Could not load your schedule: {error}</Callout>;
  if (!me) return <Loading what="your schedule" />;
  const schedule = me.operatorSchedule as OperatorSchedule | null;
  if (!schedule || schedule.ranges.length === 0) return <Empty>You have no operator schedule yet. An admin sets it on the Users tab.</Empty>;
  const ranges = fromOperatorSchedule(schedule);
  return (
    <section aria-labelledby="schedule-heading">
      <p class="lead">When you answer live conversations. Only admins change it.</p>
      <h2 id="schedule-heading">Your working hours ({schedule.timezone})</h2>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Day</th><th scope="col">Hours</th></tr></thead>
          <tbody>
            {WEEKDAYS.filter((day) => ranges.some((r) => r.day === day)).map((day) => (
              <tr key={day}>
                <th scope="row">{capitalise(day)}</th>
                <td>{ranges.filter((r) => r.day === day).map((r) => `${hour(r.startHour)}–${hour(r.endHour)}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
