// The CDK Terrain constructs from their tarball: synthesizes a stack into CDKTF_OUTDIR with cdktn.
import { App, TerraformStack } from "cdktn";
import { CallplaneProvider, Environment, PROVIDER_VERSION, splitCalls } from "@callplane/cdktn";

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out" });
const stack = new TerraformStack(app, "settings");
new CallplaneProvider(stack, "callplane", {});
const calls = splitCalls(5, { production: 1 });
new Environment(stack, "production", { name: "production", maxConcurrentCalls: calls.production! });
app.synth();
console.log(JSON.stringify({ providerVersion: PROVIDER_VERSION }));
