// Bundled for the browser by esbuild; the bundle is then run against the local server.
import { createCallplaneClient } from "@callplane/sdk";

const endpoint = (globalThis as { CALLPLANE_ENDPOINT?: string }).CALLPLANE_ENDPOINT ?? "";
const token = (globalThis as { CALLPLANE_TOKEN?: string }).CALLPLANE_TOKEN;
const page = await createCallplaneClient({ endpoint, token }).environments.list();
console.log(JSON.stringify({ environments: page.data.map((environment) => environment.name) }));
