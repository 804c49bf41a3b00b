// The SDK's contract against the local server, in plain JavaScript so that Node, Bun and Deno
// run the same file on the built SDK: pagination, idempotency, typed errors and retries.
//   CALLPLANE_ENDPOINT=… CALLPLANE_FLAKY_ENDPOINT=… CALLPLANE_TOKEN=… RUNTIME=bun bun contract.mjs
// The flaky endpoint answers every first attempt with 503 (after passing a POST on to the
// server, as if the answer were lost). Prints one JSON object; the test checks it.
import { ConflictError, createCallplaneClient, NotFoundError, SDK_VERSION, ValidationError } from "../dist/index.js";

const env = (name) => (typeof Deno !== "undefined" ? Deno.env.get(name) : process.env[name]);
const endpoint = env("CALLPLANE_ENDPOINT");
const token = env("CALLPLANE_TOKEN");
const prefix = `rt-${env("RUNTIME")}-`;
const retryDelays = { baseDelayMs: 1, maxDelayMs: 50 };
const client = createCallplaneClient({ endpoint, token, validateResponses: true, retryDelays });
const failure = (promise) => promise.then(() => undefined, (error) => error);

const result = { sdkVersion: SDK_VERSION };

for (let i = 0; i < 5; i++) await client.environments.create({ name: `${prefix}${i}`, maxConcurrentCalls: 0 });
const first = await client.environments.list({ limit: 2 });
const all = await client.environments.list({ limit: 2 }).toArray();
result.pagination = { firstPage: first.data.length, hasNextPage: first.hasNextPage(), mine: all.filter((e) => e.name.startsWith(prefix)).length };

const body = { name: "Rita Runtime", email: `${prefix}rita@acme.test`, role: "viewer" };
const once = await client.users.create(body, { idempotencyKey: `${prefix}rita` });
const again = await client.users.create(body, { idempotencyKey: `${prefix}rita` });
result.idempotency = { sameUser: once.id === again.id, replayed: again.lastResponse.headers.get("Idempotent-Replayed") };

const notFound = await failure(client.environments.get("env_missing000"));
const duplicate = await failure(client.environments.create({ name: `${prefix}0` }));
const local = await failure(client.environments.create({ name: "", maxConcurrentCalls: -1 }));
const server = await failure(createCallplaneClient({ endpoint, token, validateRequests: false }).environments.create({ name: "" }));
result.errors = {
  notFound: { typed: notFound instanceof NotFoundError, status: notFound?.status },
  conflict: { typed: duplicate instanceof ConflictError, status: duplicate?.status, fieldErrors: duplicate?.fieldErrors },
  local: { typed: local instanceof ValidationError, status: local?.status, fieldErrors: local?.fieldErrors },
  server: { typed: server instanceof ValidationError, status: server?.status, paths: server?.fieldErrors.map((e) => e.path) },
};

const flaky = createCallplaneClient({ endpoint: env("CALLPLANE_FLAKY_ENDPOINT"), token, retryDelays });
const tenant = await flaky.tenant.get();
const lost = await flaky.users.create({ name: "Lou Lost", email: `${prefix}lou@acme.test`, role: "viewer" });
const lous = await client.users.list({ q: `${prefix}lou@acme.test` }).toArray();
result.retries = {
  get: { name: typeof tenant.name, attempt: tenant.lastResponse.headers.get("X-Attempt") },
  post: { attempt: lost.lastResponse.headers.get("X-Attempt"), replayed: lost.lastResponse.headers.get("Idempotent-Replayed"), created: lous.length },
};

console.log(JSON.stringify(result));
