#!/usr/bin/env node
/**
 * A post-deploy smoke check, run by Terraform (local-exec) after the environments and the split
 * exist: each environment in CALLPLANE_EXPECT ({"name": calls, …}) must exist with exactly that
 * many concurrent calls. Endpoint and token: CALLPLANE_ENDPOINT, CALLPLANE_TOKEN.
 */
const endpoint = process.env.CALLPLANE_ENDPOINT ?? "http://127.0.0.1:8787";
const expected = JSON.parse(process.env.CALLPLANE_EXPECT ?? "{}");
const response = await fetch(`${endpoint.replace(/\/$/, "")}/v1/environments?includeHidden=true`, {
  headers: { authorization: `Bearer ${process.env.CALLPLANE_TOKEN ?? ""}` },
});
if (!response.ok) {
  console.error(`smoke check: GET /v1/environments answered ${response.status}`);
  process.exit(1);
}
const live = Object.fromEntries((await response.json()).data.map((e) => [e.name, e.maxConcurrentCalls]));
const wrong = Object.entries(expected).filter(([name, calls]) => live[name] !== calls);
if (wrong.length > 0) {
  console.error(`smoke check failed: ${wrong.map(([name, calls]) => `${name} has ${live[name] ?? "no environment"}, expected ${calls}`).join("; ")}`);
  process.exit(1);
}
console.log(`smoke check passed: ${Object.entries(expected).map(([name, calls]) => `${name}=${calls}`).join(", ")}`);
