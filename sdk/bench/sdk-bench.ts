/**
 * `pnpm bench:sdk`: the SDK's per-call overhead against a raw fetch of the same small GET from
 * a loopback HTTP server, measured side by side (alternating calls, one process), and the
 * SDK's bundle size. Prints figures; asserts nothing. Targets: overhead ≤ 15% at the median,
 * bundle ≤ 15 kB min+gz. Each figure is printed beside the one measured before the SDK got its
 * own request layer and validator runtime (openapi-fetch + zod/mini; see bench/README.md).
 */
import { createServer } from "node:http";
import createClient from "openapi-fetch";
import type { AddressInfo } from "node:net";
import { createCallplaneClient } from "../src/index.js";
import { measureBundle } from "./bundle-size.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 5000);
/** Measured the same way on the same machine before the change (openapi-fetch + zod/mini, responses validated by default). */
const PREVIOUS = { overheadMedian: "31–35%", wholeGz: "19.2 kB", clientGz: "17.3 kB" };
const WARMUP = 500;

const body = JSON.stringify({
  id: "env_7b2d9e41", name: "production", maxConcurrentCalls: 20, hidden: false, deletionProtection: true,
  apiKeyMasked: "cpk_…b21c", createdAt: "2026-01-15T10:00:00Z", modifiedAt: "2026-11-20T09:30:00Z",
});
const server = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json", ETag: '"v1"', "X-Request-Id": "req_bench", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const url = `${endpoint}/v1/environments/env_7b2d9e41`;

const client = createCallplaneClient({ endpoint, token: "cpt_bench_token_0000000000" });
const raw = async () => {
  const response = await fetch(url, { headers: { Authorization: "Bearer cpt_bench_token_0000000000", Accept: "application/json" } });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return response.json();
};
const sdk = () => client.environments.get("env_7b2d9e41");
// The floor: openapi-fetch with no middleware and no validation, for reference.
const bare = createClient<any>({ baseUrl: endpoint, headers: { Authorization: "Bearer cpt_bench_token_0000000000" } });
const openapiFetchAlone = () => bare.GET("/v1/environments/{id}", { params: { path: { id: "env_7b2d9e41" } } });

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1000;
}

const sides = [
  { name: "raw fetch + json()", fn: raw, us: [] as number[] },
  { name: "openapi-fetch alone", fn: openapiFetchAlone, us: [] as number[] },
  { name: "sdk environments.get", fn: sdk, us: [] as number[] },
];
for (let i = 0; i < WARMUP; i++) for (const side of sides) await side.fn();
for (let i = 0; i < CALLS; i++) {
  // Rotate the order so no side always runs right after another's garbage.
  for (let j = 0; j < sides.length; j++) {
    const side = sides[(i + j) % sides.length]!;
    side.us.push(await time(side.fn));
  }
}
const [rawUs, bareUs, sdkUs] = sides.map((side) => side.us) as [number[], number[], number[]];
server.close();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const row = (name: string, values: number[]) =>
  `${name.padEnd(22)} median ${quantile(values, 0.5).toFixed(0).padStart(5)} µs   p99 ${quantile(values, 0.99).toFixed(0).padStart(5)} µs`;

const overhead = (quantile(sdkUs, 0.5) / quantile(rawUs, 0.5) - 1) * 100;
const bundle = await measureBundle();
const clientOnly = await measureBundle('export { createCallplaneClient } from "./src/index.ts";');
const openapiFetchOnly = await measureBundle('export { default } from "openapi-fetch";');

console.log(`SDK per-call overhead: GET /v1/environments/{id} on loopback, ${CALLS} calls each, interleaved (Node ${process.version})`);
for (const side of sides) console.log(row(side.name, side.us));
console.log(`openapi-fetch alone over raw fetch at the median: ${((quantile(bareUs, 0.5) / quantile(rawUs, 0.5) - 1) * 100).toFixed(1)}%`);
console.log(`overhead at the median: ${overhead.toFixed(1)}% (target ≤ 15%; previously ${PREVIOUS.overheadMedian})`);
console.log(`overhead at p99: ${((quantile(sdkUs, 0.99) / quantile(rawUs, 0.99) - 1) * 100).toFixed(1)}%`);
console.log("");
console.log("Bundle (esbuild, browser, minified; gzip -9):");
console.log(`whole SDK (client, schemas, schedule helpers): ${(bundle.minifiedBytes / 1024).toFixed(1)} kB min, ${(bundle.gzippedBytes / 1024).toFixed(1)} kB min+gz (target ≤ 15 kB; previously ${PREVIOUS.wholeGz})`);
console.log(`createCallplaneClient only:                    ${(clientOnly.minifiedBytes / 1024).toFixed(1)} kB min, ${(clientOnly.gzippedBytes / 1024).toFixed(1)} kB min+gz (previously ${PREVIOUS.clientGz})`);
console.log(`openapi-fetch alone, for reference:             ${(openapiFetchOnly.minifiedBytes / 1024).toFixed(1)} kB min, ${(openapiFetchOnly.gzippedBytes / 1024).toFixed(1)} kB min+gz`);
if (bundle.nodeImports.length) console.log(`Node built-ins in the bundle: ${bundle.nodeImports.join(", ")}`);
