// The throwaway certificate for AutoMTLS: Terraform pins it from the
// handshake line and presents its own, equally throwaway, client certificate.
// Built by hand with node:crypto and a few DER helpers: a certificate library
// would cost more launch time than the rest of the handshake.
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import {
  bitString,
  boolean,
  explicit,
  ia5Bytes,
  implicitPrimitive,
  integer,
  namedBits,
  octetString,
  oid,
  sequence,
  set,
  utf8String,
  x509Time,
} from "./der.js";

export interface SelfSignedCertificate {
  readonly certificatePem: string;
  /** Encoded on first use: the plugin needs it only after its handshake line is out. */
  readonly privateKeyPem: string;
  /** DER bytes, which the handshake line carries in base64. */
  der: Uint8Array;
}

/** Lasts a day: a plugin process lives for one Terraform command, and TLS checks validity only when connecting. */
const validityMs = 24 * 60 * 60 * 1000;
/** Tolerates a clock that is slightly behind ours. */
const backdateMs = 60 * 1000;

const oids = {
  commonName: "2.5.4.3",
  organizationName: "2.5.4.10",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
} as const;

/** KeyUsage bit numbers (RFC 5280 4.2.1.3). */
const keyUsageBits = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5 } as const;

/** Same shape as go-plugin's: ECDSA P-256, localhost, usable as server, client and its own CA. */
export async function createSelfSignedCertificate(): Promise<SelfSignedCertificate> {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const now = Date.now();
  // Whole seconds, as the encoded times carry no fractions.
  const notBefore = new Date(Math.floor((now - backdateMs) / 1000) * 1000);
  const notAfter = new Date(Math.floor((now + validityMs) / 1000) * 1000);

  const name = sequence(
    set(sequence(oid(oids.commonName), utf8String("localhost"))),
    set(sequence(oid(oids.organizationName), utf8String("Callplane"))),
  );
  const signatureAlgorithm = sequence(oid(oids.ecdsaWithSha256));
  const extensions = [
    extension(oids.basicConstraints, true, sequence(boolean(true))),
    extension(
      oids.keyUsage,
      true,
      namedBits([keyUsageBits.digitalSignature, keyUsageBits.keyEncipherment, keyUsageBits.keyCertSign]),
    ),
    extension(oids.extKeyUsage, false, sequence(oid(oids.serverAuth), oid(oids.clientAuth))),
    extension(oids.subjectAltName, false, sequence(implicitPrimitive(2, ia5Bytes("localhost")))),
  ];

  const tbsCertificate = sequence(
    explicit(0, integer(2)), // v3
    integer(randomSerialNumber()),
    signatureAlgorithm,
    name, // issuer
    sequence(x509Time(notBefore), x509Time(notAfter)),
    name, // subject
    new Uint8Array(publicKey.export({ type: "spki", format: "der" })),
    explicit(3, sequence(...extensions)),
  );
  // For EC keys node:crypto signs in DER (ECDSA-Sig-Value), as X.509 wants.
  const signature = sign("sha256", tbsCertificate, privateKey);
  const der = sequence(tbsCertificate, signatureAlgorithm, bitString(new Uint8Array(signature)));

  let privateKeyPem: string | undefined;
  return {
    certificatePem: toPem("CERTIFICATE", der),
    get privateKeyPem() {
      return (privateKeyPem ??= privateKey.export({ type: "pkcs8", format: "pem" }) as string);
    },
    der,
  };
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical
    ? sequence(oid(id), boolean(true), octetString(value))
    : sequence(oid(id), octetString(value)); // DEFAULT FALSE is left out in DER
}

/** 16 random bytes, top bit clear so the (signed) DER integer stays positive, never zero. */
function randomSerialNumber(): Uint8Array {
  const bytes = new Uint8Array(randomBytes(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes;
}

export function toPem(label: string, der: Uint8Array): string {
  const lines = Buffer.from(der).toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
