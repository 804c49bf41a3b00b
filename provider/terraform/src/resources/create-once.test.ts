import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConflictError, NotFoundError } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { baseCreateKey, createOnce, workspaceIdentity } from "./create-once.js";

describe("create keys", () => {
  const body = { name: "staging", hidden: false };

  it("are the same for the same place, workspace, type and body, whatever the key order", () => {
    expect(baseCreateKey("callplane_environment", body, "dir\u0000default")).toBe(baseCreateKey("callplane_environment", { hidden: false, name: "staging" }, "dir\u0000default"));
  });

  it("differ for another working directory, workspace, type or body", () => {
    const key = baseCreateKey("callplane_environment", body, "dir\u0000default");
    expect(baseCreateKey("callplane_environment", body, "other\u0000default")).not.toBe(key);
    expect(baseCreateKey("callplane_environment", body, "dir\u0000prod")).not.toBe(key);
    expect(baseCreateKey("callplane_user", body, "dir\u0000default")).not.toBe(key);
    expect(baseCreateKey("callplane_environment", { ...body, hidden: true }, "dir\u0000default")).not.toBe(key);
  });

  it("name the selected Terraform workspace, from TF_WORKSPACE or .terraform/environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "callplane-key-"));
    expect(workspaceIdentity(dir, {})).toMatch(/\u0000default$/);
    mkdirSync(join(dir, ".terraform"));
    writeFileSync(join(dir, ".terraform", "environment"), "staging");
    expect(workspaceIdentity(dir, {})).toMatch(/\u0000staging$/);
    expect(workspaceIdentity(dir, { TF_WORKSPACE: "prod" })).toMatch(/\u0000prod$/);
  });
});

type Env = { id: string; name: string; apiKey?: string };
const replayed = (env: Env) => ({ ...env, lastResponse: { headers: new Headers({ "Idempotent-Replayed": "true" }) } });
const fresh = (env: Env) => ({ ...env, lastResponse: { headers: new Headers() } });
const withheld = () => new ConflictError({ status: 409, title: "Already done; its secret is not kept", type: "https://callplane.dev/problems/idempotent-secret-withheld" });

describe("createOnce", () => {
  const steps = (create: (key: string) => Promise<ReturnType<typeof fresh>>, live: Env[] = []) => ({
    typeName: "callplane_environment",
    keyMaterial: { name: "staging" },
    create,
    get: async (id: string) => live.find((e) => e.id === id),
    findByUniqueField: async () => live.find((e) => e.name === "staging"),
    matchesPlan: (env: Env) => env.name === "staging",
  });

  it("creates with the first key when nothing was created before", async () => {
    const keys: string[] = [];
    const outcome = await createOnce(steps(async (key) => (keys.push(key), fresh({ id: "env_1", name: "staging", apiKey: "k" }))));
    expect(outcome).toMatchObject({ kind: "created", replayed: false, object: { id: "env_1" } });
    expect(keys).toHaveLength(1);
  });

  it("takes the earlier run's answer when its object still exists", async () => {
    const outcome = await createOnce(steps(async () => replayed({ id: "env_1", name: "staging", apiKey: "k" }), [{ id: "env_1", name: "staging" }]));
    expect(outcome).toMatchObject({ kind: "created", replayed: true, object: { id: "env_1", apiKey: "k" } });
  });

  it("moves to the next key when the earlier answer's object was destroyed since", async () => {
    const keys: string[] = [];
    const outcome = await createOnce(steps(async (key) => {
      keys.push(key);
      return keys.length === 1 ? replayed({ id: "env_old", name: "staging" }) : fresh({ id: "env_new", name: "staging" });
    }));
    expect(outcome).toMatchObject({ kind: "created", replayed: false, object: { id: "env_new" } });
    expect(keys[1]).toBe(`${keys[0]}#2`);
  });

  it("takes the API's 404 for the earlier answer's object as destroyed, and moves on", async () => {
    const keys: string[] = [];
    const outcome = await createOnce({
      ...steps(async (key) => (keys.push(key), keys.length === 1 ? replayed({ id: "env_old", name: "staging" }) : fresh({ id: "env_new", name: "staging" }))),
      get: async () => { throw new NotFoundError({ status: 404, title: "Not found" }); },
    });
    expect(outcome).toMatchObject({ kind: "created", replayed: false, object: { id: "env_new" } });
  });

  it("adopts the object its key created when the server no longer has the secret, if it matches the plan", async () => {
    const outcome = await createOnce(steps(async () => { throw withheld(); }, [{ id: "env_1", name: "staging" }]));
    expect(outcome).toEqual({ kind: "adopted-without-secret", object: { id: "env_1", name: "staging" } });
  });

  it("passes every other error on", async () => {
    const taken = new ConflictError({ status: 409, title: "Name already taken", type: "https://callplane.dev/problems/conflict" });
    await expect(createOnce(steps(async () => { throw taken; }))).rejects.toBe(taken);
  });
});
