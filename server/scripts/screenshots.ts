/**
 * Screenshots of every console tab for the docs: `pnpm --filter @callplane/server run screenshots`.
 * Starts a throwaway server, fills it with a realistic tenant (through the SDK, with the sources
 * a real team would leave in the audit log), signs in in Chromium and saves
 * `docs/images/console-<tab>.png`. Needs the console built (`pnpm run build`).
 */
import { createCallplaneClient, toOperatorSchedule } from "@callplane/sdk";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertConsoleBuilt, launchChromium } from "../e2e/console/browser.js";
import { startServer } from "../src/index.js";

const TOKEN = "cpt_screenshots_admin_0123456789abcdef";
const out = fileURLToPath(new URL("../../docs/images/", import.meta.url));

assertConsoleBuilt();
mkdirSync(out, { recursive: true });
const server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN });
const client = (source: "terraform" | "console" | "sdk" | "api") => createCallplaneClient({ endpoint: server.url, token: TOKEN, source, maxRetries: 0 });
const terraform = client("terraform");
const console_ = client("console");
const sdk = client("sdk");

// What `terraform apply` of the quick start leaves, then a few hand edits.
await terraform.tenant.update({ name: "Acme Voice", billingEmail: "billing@acme.test", website: "https://acme.test", timezone: "Europe/Berlin", phone: "+4930901820", country: "Germany", street: "Torstraße 12", zipCode: "10119", description: "Outbound and inbound voice agents for Acme's customer service" });
const production = await terraform.environments.create({ name: "production", maxConcurrentCalls: 20, deletionProtection: true });
const staging = await terraform.environments.create({ name: "staging", maxConcurrentCalls: 10 });
await terraform.environments.create({ name: "sandbox", maxConcurrentCalls: 5, hidden: true });
await terraform.users.create({ name: "Olivia Stone", email: "ops@acme.test", role: "admin" });
const lee = await terraform.users.create({ name: "Lee Park", email: "lee@acme.test", role: "member" });
await terraform.users.create({
  name: "Sam Rivera", email: "sam@acme.test", role: "operator",
  operatorSchedule: toOperatorSchedule([
    { day: "monday", startHour: 8, endHour: 16 }, { day: "tuesday", startHour: 8, endHour: 16 }, { day: "wednesday", startHour: 12, endHour: 20 },
  ], "Europe/Berlin"),
});
await sdk.users.create({ name: "Vic Chen", email: "vic@acme.test", role: "viewer", password: "a long initial password" });
const expired = await terraform.invitations.create({ email: "jo@acme.test", role: "member" });
server.store.updateInvitation(server.bootstrap!.tenantId, expired.id, { expiresAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
await console_.invitations.create({ email: "kim@acme.test", role: "operator" });
const revoked = await console_.invitations.create({ email: "alex@contractor.test", role: "viewer" });
await console_.invitations.revoke(revoked.id);
await console_.environments.update(staging.id, { maxConcurrentCalls: 5 });
await console_.users.update(lee.id, { role: "admin" });
await sdk.environments.rotateApiKey(production.id);

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/`);
  await page.getByLabel("Email").waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const signin = join(out, "console-signin.png");
  await page.screenshot({ path: signin, fullPage: true });
  console.log(`wrote ${signin}`);
  await page.getByRole("button", { name: "Use an API token (local development)" }).click();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const tabs: [string, string, string][] = [
    ["environments", "Environments", "sandbox"],
    ["users", "Users", "Sam Rivera"],
    ["invitations", "Invitations", "jo@acme.test"],
    ["tenant", "Tenant", "40 concurrent calls"],
    ["audit", "Audit log", "environment.update"],
  ];
  for (const [id, name, ready] of tabs) {
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
    await page.locator("main").getByText(ready, { exact: true }).first().waitFor();
    // Nothing focused, no notices: a calm page.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const file = join(out, `console-${id}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
