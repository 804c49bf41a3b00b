// CommonJS: `require()` of the ES-module packages, as Node ≥ 20.19 allows; type-checked with
// strict nodenext, then run.
import sdk = require("@callplane/sdk");
import constructs = require("@callplane/cdktf");

async function main(): Promise<void> {
  const callplane = sdk.createCallplaneClient({ endpoint: process.env.CALLPLANE_ENDPOINT ?? "", token: process.env.CALLPLANE_TOKEN });
  const tenant = await callplane.tenant.get();
  console.log(JSON.stringify({ tenant: tenant.name, sdkVersion: sdk.SDK_VERSION, environmentConstruct: typeof constructs.Environment }));
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
