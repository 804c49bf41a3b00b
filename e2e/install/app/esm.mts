// An app developer's ESM TypeScript, type-checked with strict nodenext against the installed
// tarballs: lists, creates, and gets typed validation errors (before sending, and from the server).
import { createCallplaneClient, SDK_VERSION, ValidationError, type Environment, type FieldError } from "@callplane/sdk";

const endpoint = process.env.CALLPLANE_ENDPOINT ?? "";
const token = process.env.CALLPLANE_TOKEN;
const callplane = createCallplaneClient({ endpoint, token, validateResponses: true });

async function fieldErrorsOf(call: Promise<unknown>): Promise<{ status: number | undefined; fieldErrors: FieldError[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ValidationError) return { status: error.status, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("the call was expected to fail with a ValidationError");
}

const before: Environment[] = await callplane.environments.list().toArray();
const created = await callplane.environments.create({ name: "from-tarball", maxConcurrentCalls: 0 });
const again = await callplane.environments.get(created.id);
const after = await callplane.environments.list().toArray();
const local = await fieldErrorsOf(callplane.environments.create({ name: "", maxConcurrentCalls: 2.5 }));
const unchecked = createCallplaneClient({ endpoint, token, validateRequests: false });
const server = await fieldErrorsOf(unchecked.environments.create({ name: "", maxConcurrentCalls: 1 }));

console.log(JSON.stringify({
  sdkVersion: SDK_VERSION,
  before: before.length,
  created: { name: created.name, etag: typeof again.etag, apiKey: typeof created.apiKey },
  after: after.map((environment) => environment.name),
  local,
  server,
}));
