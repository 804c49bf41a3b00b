/**
 * A method wrapper for the benchmark's floor: with CALLPLANE_BENCH_RECORD=<file> each provider
 * call's request and answer are appended to the file; with CALLPLANE_BENCH_REPLAY=<file> a request
 * recorded there is answered from the file (no decoding, no resource code, no API call), and any
 * other goes to the provider. A plan answered this way costs what Terraform, the launches and the
 * transport cost, whatever the provider's code does.
 * A recording holds what the calls carry, secrets included (the token in ConfigureProvider, API
 * keys in state): only the benchmark's floor executable has this wrapper, never a release, and the
 * benchmark writes the file into its own temporary directory (mode 0700) and removes it.
 */
import { appendFileSync, readFileSync } from "node:fs";
import type { ServePluginOptions, UnaryMethod } from "../src/protocol/index.js";

type Wrapper = NonNullable<ServePluginOptions["wrapMethod"]>;

/** One line per call: path, request and answer in base64. */
const line = (path: string, request: Uint8Array, answer: Uint8Array) =>
  `${path} ${Buffer.from(request).toString("base64")} ${Buffer.from(answer).toString("base64")}\n`;

/** Latin-1 keeps every byte as one character: the cheapest exact key for a request. */
const key = (path: string, request: Buffer) => `${path} ${request.toString("latin1")}`;

export function recordedAnswers(env: NodeJS.ProcessEnv): Wrapper | undefined {
  const recordTo = env.CALLPLANE_BENCH_RECORD;
  const replayFrom = env.CALLPLANE_BENCH_REPLAY;
  if (replayFrom) {
    const answers = new Map<string, Buffer>();
    for (const row of readFileSync(replayFrom, "utf8").split("\n")) {
      const [path, request, answer] = row.split(" ");
      if (path && request !== undefined && answer !== undefined) answers.set(key(path, Buffer.from(request, "base64")), Buffer.from(answer, "base64"));
    }
    return (path, method): UnaryMethod => async (request) => answers.get(key(path, request)) ?? method(request);
  }
  if (recordTo) {
    return (path, method): UnaryMethod => async (request) => {
      const answer = await method(request);
      appendFileSync(recordTo, line(path, request, answer));
      return answer;
    };
  }
  return undefined;
}
