// The CDKTF constructs from their tarball: synthesizes a stack into CDKTF_OUTDIR.
import { App, TerraformStack } from "cdktf";
import { CallplaneProvider, Environment, PROVIDER_VERSION } from "@callplane/cdktf";

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out" });
const stack = new TerraformStack(app, "settings");
new CallplaneProvider(stack, "callplane", {});
new Environment(stack, "production", { name: "production", maxConcurrentCalls: 5 });
app.synth();
console.log(JSON.stringify({ providerVersion: PROVIDER_VERSION }));
