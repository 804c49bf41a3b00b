/** Durations as Terraform users write them: `"1h"`, `"30m"`, `"1h30m"`, `"90s"` (units h, m, s). */

const WHOLE = /^(\d+(?:\.\d+)?(h|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(h|m|s)/g;
const UNIT_MS = new Map([["h", 3_600_000], ["m", 60_000], ["s", 1_000]]);

/** The duration in milliseconds, or an error message saying what is wrong. */
export function parseDuration(text: string): { ms: number } | { error: string } {
  if (!WHOLE.test(text)) return { error: `"${text}" is not a duration: write a number and a unit (h, m or s), e.g. "1h", "30m" or "1h30m".` };
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS.get(unit ?? "") ?? 0);
  if (ms < 60_000) return { error: `"${text}" is shorter than a minute: a token that short would expire before Terraform could use it.` };
  return { ms: Math.round(ms) };
}
