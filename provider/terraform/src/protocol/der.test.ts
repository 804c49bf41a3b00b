import { spawnSync } from "node:child_process";
import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSelfSignedCertificate } from "./certificate.js";
import { requireTool } from "./testing/required-tool.js";
import {
  bitString,
  boolean,
  explicit,
  generalizedTime,
  ia5String,
  implicitPrimitive,
  integer,
  namedBits,
  octetString,
  oid,
  sequence,
  set,
  tlv,
  utcTime,
  utf8String,
  x509Time,
} from "./der.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("DER helpers", () => {
  it("encodes lengths in short and long form", () => {
    expect(hex(tlv(0x04, new Uint8Array(3)))).toBe("0403000000");
    expect(hex(tlv(0x04, new Uint8Array(127))).slice(0, 4)).toBe("047f");
    expect(hex(tlv(0x04, new Uint8Array(128))).slice(0, 6)).toBe("048180");
    expect(hex(tlv(0x04, new Uint8Array(300))).slice(0, 8)).toBe("0482012c");
    expect(tlv(0x04, new Uint8Array(300)).length).toBe(304);
  });

  it("encodes integers minimally, positive", () => {
    expect(hex(integer(0))).toBe("020100");
    expect(hex(integer(2))).toBe("020102");
    expect(hex(integer(127))).toBe("02017f");
    expect(hex(integer(128))).toBe("02020080");
    expect(hex(integer(256))).toBe("02020100");
    expect(hex(integer(Uint8Array.of(0, 0, 0x12)))).toBe("020112");
    expect(hex(integer(Uint8Array.of(0xff, 0x01)))).toBe("020300ff01");
    expect(hex(integer(new Uint8Array(0)))).toBe("020100");
    expect(() => integer(-1)).toThrow(RangeError);
  });

  it("encodes object identifiers", () => {
    expect(hex(oid("2.5.29.17"))).toBe("0603551d11");
    expect(hex(oid("1.2.840.10045.4.3.2"))).toBe("06082a8648ce3d040302");
    expect(hex(oid("1.3.6.1.5.5.7.3.1"))).toBe("06082b06010505070301");
    expect(() => oid("1.40")).toThrow();
    expect(() => oid("x.1")).toThrow();
  });

  it("encodes bit strings, named bits and the simple strings", () => {
    expect(hex(bitString(Uint8Array.of(0xab)))).toBe("030200ab");
    // digitalSignature, keyEncipherment, keyCertSign: bits 0, 2, 5.
    expect(hex(namedBits([0, 2, 5]))).toBe("030202a4");
    expect(hex(namedBits([0]))).toBe("03020780");
    expect(hex(namedBits([8]))).toBe("0303070080");
    expect(hex(namedBits([]))).toBe("030100");
    expect(hex(octetString(Uint8Array.of(1, 2)))).toBe("04020102");
    expect(hex(boolean(true))).toBe("0101ff");
    expect(hex(boolean(false))).toBe("010100");
    expect(hex(utf8String("é"))).toBe("0c02c3a9");
    expect(hex(ia5String("ab"))).toBe("16026162");
    expect(() => ia5String("é")).toThrow();
  });

  it("encodes sequences, sorted sets and context tags", () => {
    expect(hex(sequence(integer(1), integer(2)))).toBe("3006020101020102");
    expect(hex(set(integer(2), integer(1)))).toBe("3106020101020102");
    expect(hex(explicit(0, integer(2)))).toBe("a003020102");
    expect(hex(explicit(3, sequence()))).toBe("a3023000");
    expect(hex(implicitPrimitive(2, Uint8Array.of(0x61)))).toBe("820161");
  });

  it("encodes times in UTC, UTCTime before 2050 and GeneralizedTime after", () => {
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    expect(Buffer.from(utcTime(date).subarray(2)).toString()).toBe("260102030405Z");
    expect(utcTime(date)[0]).toBe(0x17);
    expect(Buffer.from(generalizedTime(date).subarray(2)).toString()).toBe("20260102030405Z");
    expect(generalizedTime(date)[0]).toBe(0x18);
    expect(x509Time(date)[0]).toBe(0x17);
    expect(x509Time(new Date(Date.UTC(2050, 0, 1)))[0]).toBe(0x18);
    expect(x509Time(new Date(Date.UTC(1949, 11, 31)))[0]).toBe(0x18);
  });
});

describe("createSelfSignedCertificate", () => {
  it("makes a self-signed P-256 certificate that node:crypto accepts", async () => {
    const before = Date.now();
    const made = await createSelfSignedCertificate();
    const after = Date.now();
    const certificate = new X509Certificate(made.certificatePem);

    expect(Buffer.from(certificate.raw).equals(Buffer.from(made.der))).toBe(true);
    expect(certificate.subject).toBe("CN=localhost\nO=Callplane");
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.subjectAltName).toBe("DNS:localhost");
    expect(certificate.ca).toBe(true);
    expect(certificate.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(certificate.checkHost("localhost")).toBe("localhost");

    const validFrom = Date.parse(certificate.validFrom);
    const validTo = Date.parse(certificate.validTo);
    expect(validFrom).toBeGreaterThanOrEqual(Math.floor((before - 60_000) / 1000) * 1000);
    expect(validFrom).toBeLessThanOrEqual(after - 60_000);
    expect(validTo - validFrom).toBe(24 * 60 * 60 * 1000 + 60_000);

    const serial = BigInt(`0x${certificate.serialNumber}`);
    expect(serial > 0n).toBe(true);

    const privateKey = createPrivateKey(made.privateKeyPem);
    expect(privateKey.asymmetricKeyType).toBe("ec");
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(certificate.publicKey.equals(createPublicKey(privateKey))).toBe(true);
    expect(certificate.checkPrivateKey(privateKey)).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(made.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it("uses a fresh key and serial each time", async () => {
    const [a, b] = await Promise.all([createSelfSignedCertificate(), createSelfSignedCertificate()]);
    const [ca, cb] = [new X509Certificate(a.certificatePem), new X509Certificate(b.certificatePem)];
    expect(ca.serialNumber).not.toBe(cb.serialNumber);
    expect(ca.publicKey.equals(cb.publicKey)).toBe(false);
    expect(ca.verify(cb.publicKey)).toBe(false);
  });

  it("reads as intended in openssl x509 -text", async () => {
    requireTool("openssl", ["version"], "Install OpenSSL (Debian: apt-get install openssl).");
    const made = await createSelfSignedCertificate();
    const dir = mkdtempSync(join(tmpdir(), "callplane-der-"));
    try {
      const path = join(dir, "cert.pem");
      writeFileSync(path, made.certificatePem);
      const text = spawnSync("openssl", ["x509", "-in", path, "-noout", "-text"], { encoding: "utf8" });
      expect(text.status).toBe(0);
      const out = text.stdout;
      expect(out).toMatch(/Version: 3 \(0x2\)/);
      expect(out).toMatch(/Signature Algorithm: ecdsa-with-SHA256/);
      expect(out).toMatch(/Issuer: CN\s*=\s*localhost, O\s*=\s*Callplane/);
      expect(out).toMatch(/Subject: CN\s*=\s*localhost, O\s*=\s*Callplane/);
      expect(out).toMatch(/NIST CURVE: P-256|ASN1 OID: prime256v1/);
      expect(out).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE/);
      expect(out).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment, Certificate Sign/);
      expect(out).toMatch(/TLS Web Server Authentication, TLS Web Client Authentication/);
      expect(out).toMatch(/X509v3 Subject Alternative Name:\s*\n\s+DNS:localhost/);
      const verified = spawnSync("openssl", ["verify", "-CAfile", path, path], { encoding: "utf8" });
      expect(verified.stdout).toContain(": OK");
      const strict = spawnSync("openssl", ["asn1parse", "-in", path, "-strictpem"], { encoding: "utf8" });
      expect(strict.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
