// The launch contract with Terraform's plugin client: what it puts in our
// environment, and the one line we answer on stdout.

/** Fixed value Terraform sets for every provider; proves Terraform launched us. */
export const terraformMagicCookieKey = "TF_PLUGIN_MAGIC_COOKIE";
export const terraformMagicCookieValue =
  "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

const coreProtocolVersion = 1;
export const providerProtocolVersion = 6;

/** A message for a human when we were not started by Terraform in a way we can serve; undefined when fine. */
export function launchProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env[terraformMagicCookieKey] !== terraformMagicCookieValue) {
    return (
      "This binary is a Terraform plugin (the Callplane provider). It is started by Terraform,\n" +
      "not run directly: add the provider to a Terraform configuration and run `terraform init`.\n"
    );
  }
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered && !offered.split(",").map((v) => v.trim()).includes(String(providerProtocolVersion))) {
    return `This provider speaks plugin protocol ${providerProtocolVersion}, but Terraform offered ${offered}; use Terraform 1.0 or later.\n`;
  }
  return undefined;
}

/** `1|6|unix|<path>|grpc|<cert>`: cert is base64 DER without padding, empty when serving without TLS. */
export function handshakeLine(socketPath: string, certificateDer: Uint8Array | undefined): string {
  const certificate = certificateDer ? Buffer.from(certificateDer).toString("base64").replace(/=+$/, "") : "";
  return `${coreProtocolVersion}|${providerProtocolVersion}|unix|${socketPath}|grpc|${certificate}\n`;
}
