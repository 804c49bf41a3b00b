import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordedAnswers } from "./recorded-answers.js";

const dir = mkdtempSync(join(tmpdir(), "callplane-recorded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A provider method that answers the request reversed, and counts its calls. */
function reversing() {
  const counter = { calls: 0 };
  const method = async (request: Buffer) => {
    counter.calls++;
    return Uint8Array.from(request).reverse();
  };
  return { method, counter };
}

describe("recordedAnswers", () => {
  it("does nothing unless asked to record or replay", () => {
    expect(recordedAnswers({})).toBeUndefined();
  });

  it("records each call, then answers the same requests from the recording without calling the provider", async () => {
    const file = join(dir, "calls.txt");
    const recording = recordedAnswers({ CALLPLANE_BENCH_RECORD: file })!;
    const recorded = recording("/tfplugin6.Provider/ReadResource", reversing().method);
    expect(Buffer.from(await recorded(Buffer.from([1, 2, 3, 255])))).toEqual(Buffer.from([255, 3, 2, 1]));
    expect(Buffer.from(await recorded(Buffer.from("second")))).toEqual(Buffer.from("dnoces"));
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);

    const replaying = recordedAnswers({ CALLPLANE_BENCH_REPLAY: file })!;
    const untouched = reversing();
    const replayed = replaying("/tfplugin6.Provider/ReadResource", untouched.method);
    expect(Buffer.from(await replayed(Buffer.from([1, 2, 3, 255])))).toEqual(Buffer.from([255, 3, 2, 1]));
    expect(Buffer.from(await replayed(Buffer.from("second")))).toEqual(Buffer.from("dnoces"));
    expect(untouched.counter.calls).toBe(0);

    // A request not in the recording, or the same bytes to another method, goes to the provider.
    expect(Buffer.from(await replayed(Buffer.from([9, 8])))).toEqual(Buffer.from([8, 9]));
    expect(Buffer.from(await replaying("/tfplugin6.Provider/PlanResourceChange", untouched.method)(Buffer.from("second")))).toEqual(Buffer.from("dnoces"));
    expect(untouched.counter.calls).toBe(2);
  });
});
