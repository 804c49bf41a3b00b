/**
 * The operator schedule editor: hours per weekday in a local time zone. The SDK converts them to
 * the UTC ranges the API stores, and back (correct across midnight and daylight-saving changes).
 */
import { WEEKDAYS, fromOperatorSchedule, isIanaTimeZone, toOperatorSchedule, type OperatorSchedule, type ScheduleRange, type Weekday } from "@callplane/sdk";
import { useId, useState } from "preact/hooks";
import { capitalise } from "../format.js";

export interface ScheduleValue {
  schedule: OperatorSchedule | null;
  error: string | undefined;
}

interface Row {
  key: number;
  day: Weekday;
  start: string;
  end: string;
}

let nextKey = 1;

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

function toRows(schedule: OperatorSchedule | null | undefined): { zone: string; rows: Row[] } {
  if (!schedule) return { zone: browserZone(), rows: [] };
  try {
    const local = fromOperatorSchedule(schedule);
    return { zone: schedule.timezone, rows: local.map((r) => ({ key: nextKey++, day: r.day, start: String(r.startHour), end: String(r.endHour) })) };
  } catch {
    return { zone: schedule.timezone, rows: [] };
  }
}

/** Reads the rows as a schedule, or says what is wrong with them. */
function toValue(zone: string, rows: Row[]): ScheduleValue {
  if (rows.length === 0) return { schedule: null, error: undefined };
  if (!isIanaTimeZone(zone)) return { schedule: null, error: `Time zone: "${zone}" is not an IANA time zone such as Europe/Berlin.` };
  const ranges: ScheduleRange[] = [];
  for (const row of rows) {
    const start = Number(row.start);
    const end = Number(row.end);
    const label = capitalise(row.day);
    if (row.start.trim() === "" || row.end.trim() === "" || !Number.isFinite(start) || !Number.isFinite(end)) return { schedule: null, error: `${label}: enter a start and an end hour (0–24).` };
    if (start < 0 || end > 24 || start >= end) return { schedule: null, error: `${label}: the start hour must be before the end hour, both from 0 to 24.` };
    if (Math.abs(start * 4 - Math.round(start * 4)) > 1e-9 || Math.abs(end * 4 - Math.round(end * 4)) > 1e-9) return { schedule: null, error: `${label}: hours go in quarter steps (8, 8.25, 8.5, 8.75).` };
    ranges.push({ day: row.day, startHour: start, endHour: end });
  }
  try {
    return { schedule: toOperatorSchedule(ranges, zone), error: undefined };
  } catch (error) {
    return { schedule: null, error: (error as Error).message };
  }
}

export function ScheduleEditor({ initial, onChange, disabled }: { initial: OperatorSchedule | null | undefined; onChange: (value: ScheduleValue) => void; disabled?: boolean }) {
  const [state, setState] = useState(() => toRows(initial));
  const zoneId = useId();
  const update = (next: { zone: string; rows: Row[] }) => {
    setState(next);
    onChange(toValue(next.zone, next.rows));
  };
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

  return (
    <fieldset class="schedule" disabled={disabled}>
      <legend>Operator schedule</legend>
      <p class="hint">Working hours in your local time zone, per weekday (0–24). They are stored in UTC and shown back in local time.</p>
      <div class="field">
        <label for={zoneId}>Time zone</label>
        <input id={zoneId} list={`${zoneId}-zones`} value={state.zone} onInput={(e) => update({ ...state, zone: e.currentTarget.value })} autoComplete="off" />
        <datalist id={`${zoneId}-zones`}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
      </div>
      <table class="schedule-table">
        <caption class="visually-hidden">Working hours per weekday</caption>
        <tbody>
          {WEEKDAYS.map((day) => {
            const rows = state.rows.filter((r) => r.day === day);
            return (
              <tr key={day}>
                <th scope="row">{capitalise(day)}</th>
                <td>
                  {rows.length === 0 && <span class="muted">Off</span>}
                  {rows.map((row, index) => (
                    <span class="range" key={row.key}>
                      <input type="number" min={0} max={24} step={0.25} value={row.start} aria-label={`${capitalise(day)} range ${index + 1} start hour`}
                        onInput={(e) => update({ ...state, rows: state.rows.map((r) => (r.key === row.key ? { ...r, start: e.currentTarget.value } : r)) })} />
                      <span aria-hidden="true">–</span>
                      <input type="number" min={0} max={24} step={0.25} value={row.end} aria-label={`${capitalise(day)} range ${index + 1} end hour`}
                        onInput={(e) => update({ ...state, rows: state.rows.map((r) => (r.key === row.key ? { ...r, end: e.currentTarget.value } : r)) })} />
                      <button type="button" class="icon" aria-label={`Remove ${capitalise(day)} range ${index + 1}`} onClick={() => update({ ...state, rows: state.rows.filter((r) => r.key !== row.key) })}>×</button>
                    </span>
                  ))}
                </td>
                <td>
                  <button type="button" class="link" aria-label={`Add a range on ${capitalise(day)}`} onClick={() => update({ ...state, rows: [...state.rows, { key: nextKey++, day, start: "9", end: "17" }] })}>+ Add range</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
