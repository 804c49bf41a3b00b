/**
 * The load generator for `server-bench.ts`, run in its own process so that its work does not
 * share the server's event loop. Gets a `LoadPlan` as JSON in argv[2], runs autocannon (a short
 * warm-up, then the measured run) and sends the measured result back over IPC.
 */
import autocannon from "autocannon";

export interface LoadPlan {
  url: string;
  token: string;
  method: "GET" | "PATCH";
  path: string;
  seconds: number;
  connections: number;
  warmupSeconds: number;
}

export type LoadResult = Pick<autocannon.Result, "requests" | "latency" | "duration" | "errors" | "timeouts" | "non2xx" | "2xx" | "connections">;

/** Valid PATCH bodies that always fit the plan limit (40): toggle `hidden`, capacity 0–10. */
function patchBodies(): (request: autocannon.Request) => autocannon.Request {
  let n = 0;
  return (request) => {
    n++;
    return { ...request, body: JSON.stringify({ hidden: n % 2 === 0, maxConcurrentCalls: n % 11 }) };
  };
}

function run(plan: LoadPlan, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: seconds,
    headers: { authorization: `Bearer ${plan.token}`, "content-type": "application/json" },
    requests: [{ method: plan.method, path: plan.path, ...(plan.method === "PATCH" ? { setupRequest: patchBodies() } : {}) }],
  });
}

const plan = JSON.parse(process.argv[2]!) as LoadPlan;
if (plan.warmupSeconds > 0) await run(plan, plan.warmupSeconds);
const { requests, latency, duration, errors, timeouts, non2xx, connections, "2xx": ok } = await run(plan, plan.seconds);
const result: LoadResult = { requests, latency, duration, errors, timeouts, non2xx, "2xx": ok, connections };
process.send!(result, () => process.exit(0));
