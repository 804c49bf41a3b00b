import { verifyPassword } from "@callplane/server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shortcuts, useTerraform } from "./terraform.js";

const ws = useTerraform();
const { stateOf, apply, plan } = shortcuts(ws);

const PASSWORD = "write-only-horse-battery-9137";
const LATER_PASSWORD = "a-later-password-never-sent-4410";

const user = (password: string, version: number, extra = "") => `
resource "callplane_user" "wo" {
  name                        = "Willa Writeonly"
  email                       = "willa@acme.test"
  role                        = "member"
  initial_password_wo         = "${password}"
  initial_password_wo_version = ${version}
${extra}}
`;

/** Terraform wraps diagnostics at 78 columns. */
const flat = (text: string) => text.replace(/\s+/g, " ");

async function storedHash(id: string): Promise<string | null | undefined> {
  const tenant = await ws.sdk.tenant.get();
  return ws.server.store.userPasswordHash(tenant.id, id);
}

// A lifecycle on one workspace, step by step: each test starts from the state the one before
// left, so the order is part of the test.
describe("callplane_user.initial_password_wo with real Terraform 1.11", { shuffle: false }, () => {
  it("creates the user with the write-only password, which reaches the server and nothing else", async () => {
    ws.config(user(PASSWORD, 1));
    const traceLog = join(ws.dir, "trace.log");
    const applied = await ws.terraform(["apply", "-auto-approve", "-input=false"], { TF_LOG: "trace", TF_LOG_PATH: traceLog });
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 1 added");

    const state = await stateOf("callplane_user.wo");
    expect(state.initial_password_wo).toBeNull();
    expect(state.initial_password_wo_version).toBe(1);
    const hash = await storedHash(state.id as string);
    expect(hash).toMatch(/^scrypt\$/);
    expect(verifyPassword(PASSWORD, hash!)).toBe(true);

    const shown = await ws.terraform(["show", "-json"]);
    const trace = readFileSync(traceLog, "utf8");
    expect(trace).toContain("ApplyResourceChange");
    for (const [where, text] of [
      ["state file", readFileSync(join(ws.dir, "terraform.tfstate"), "utf8")],
      ["terraform show -json", shown.stdout],
      ["TF_LOG=trace log", trace],
      ["apply output", applied.output],
    ] as const) {
      expect(text.includes(PASSWORD), `${where} contains the password`).toBe(false);
    }
    expect((await plan()).code).toBe(0);
  });

  it("plans only the version when the password and its version change, and re-sends nothing for the existing user", async () => {
    const id = (await stateOf("callplane_user.wo")).id as string;
    const before = await ws.sdk.users.get(id);
    ws.config(user(LATER_PASSWORD, 2));
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toMatch(/~ initial_password_wo_version = 1 -> 2/);
    expect(planned.output).not.toContain(LATER_PASSWORD);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("0 added, 1 changed, 0 destroyed");
    expect((await ws.sdk.users.get(id)).modifiedAt).toBe(before.modifiedAt);
    const hash = await storedHash(id);
    expect(verifyPassword(PASSWORD, hash!)).toBe(true);
    expect(verifyPassword(LATER_PASSWORD, hash!)).toBe(false);
    expect((await plan()).code).toBe(0);
  });

  it("refuses initial_password together with initial_password_wo, naming the argument", async () => {
    ws.config(user(LATER_PASSWORD, 2, `  initial_password            = "${LATER_PASSWORD}"\n`));
    const planned = await plan();
    expect(planned.code).toBe(1);
    expect(flat(planned.output)).toContain("Set one initial password");
    expect(flat(planned.output)).toContain("initial_password and initial_password_wo both set the password");
  });

  it("warns that initial_password is deprecated, pointing at the write-only pair", async () => {
    ws.config(`${user(LATER_PASSWORD, 2)}
resource "callplane_user" "old" {
  name             = "Olaf Oldstyle"
  email            = "olaf@acme.test"
  role             = "viewer"
  initial_password = "an-old-style-password-77"
}
`);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(flat(applied.output)).toContain("initial_password is deprecated");
    // The warning points at the resource, so Terraform does not quote the password's line.
    expect(applied.output).not.toContain("an-old-style-password-77");
    expect(flat(applied.output)).toContain("use initial_password_wo and initial_password_wo_version instead");
    const id = (await stateOf("callplane_user.old")).id as string;
    expect(verifyPassword("an-old-style-password-77", (await storedHash(id))!)).toBe(true);
  });

  it("destroys the users", async () => {
    ws.config("");
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("2 destroyed");
  });
});
