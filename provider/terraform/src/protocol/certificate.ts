// The throwaway certificate for AutoMTLS: Terraform pins it from the
// handshake line and presents its own, equally throwaway, client certificate.
import { webcrypto } from "node:crypto";
import { installReflectMetadataShim } from "./reflect-metadata-shim.js";
import { loadX509 } from "./runtime-modules.js";

export interface SelfSignedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** DER bytes, which the handshake line carries in base64. */
  der: Uint8Array;
}

const keyAlgorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/** Lasts a day: a plugin process lives for one Terraform command, and TLS checks validity only when connecting. */
const validityMs = 24 * 60 * 60 * 1000;
/** Tolerates a clock that is slightly behind ours. */
const backdateMs = 60 * 1000;

/** Same shape as go-plugin's: ECDSA P-256, localhost, usable as server, client and its own CA. */
export async function createSelfSignedCertificate(): Promise<SelfSignedCertificate> {
  installReflectMetadataShim();
  // Loaded only now, after the shim it needs is in place.
  const x509 = loadX509();

  const keys = await webcrypto.subtle.generateKey(keyAlgorithm, true, ["sign", "verify"]);
  const now = Date.now();
  const request: Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0] = {
    serialNumber: randomSerialNumber(),
    name: "CN=localhost, O=Callplane",
    notBefore: new Date(now - backdateMs),
    notAfter: new Date(now + validityMs),
    signingAlgorithm: keyAlgorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyCertSign,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "localhost" }]),
    ],
  };
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(request, webcrypto as Crypto);

  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return {
    certificatePem: certificate.toString("pem"),
    privateKeyPem: toPem("PRIVATE KEY", new Uint8Array(pkcs8)),
    der: new Uint8Array(certificate.rawData),
  };
}

function randomSerialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // keep it positive, as DER integers are signed
  return Buffer.from(bytes).toString("hex");
}

export function toPem(label: string, der: Uint8Array): string {
  const lines = Buffer.from(der).toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
