/**
 * The console in a real browser: Debian's Chromium driven by playwright-core, against a fresh
 * server (SQLite in memory, a free port) per test file. Tests look at the page as a person does
 * (roles, labels, visible text) and check through the SDK that the change really happened.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { existsSync, readdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startServer, type RunningServer, type ServerOptions } from "../../src/index.js";
import { CONSOLE_DIR } from "../../src/http/static.js";

export const ADMIN_TOKEN = "cpt_console_e2e_admin_0123456789abcdef";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** One Chromium for the enclosing test file, closed after it. */
export function useChromium(): { browser: Browser } {
  const handle = {} as { browser: Browser };
  beforeAll(async () => {
    handle.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await handle.browser?.close();
  });
  return handle;
}

export function assertConsoleBuilt(): void {
  if (!existsSync(CONSOLE_DIR) || !readdirSync(CONSOLE_DIR).includes("index.html")) {
    throw new Error(`The console is not built (${CONSOLE_DIR} is missing): run \`pnpm --filter @callplane/server run build\` first.`);
  }
}

export interface ConsoleFixture {
  server: RunningServer;
  url: string;
  browser: Browser;
  /** The bootstrap admin, through the SDK (source `sdk`), for arranging and checking. */
  sdk: CallplaneClient;
  /** A new browser context and page with the console open; closed after the test. */
  open(options?: { path?: string }): Promise<Page>;
  /** Opens the console and signs in with `token` (the prefilled one when left out), through the API-token form. */
  signIn(token?: string): Promise<Page>;
  /** Opens the console and signs in with an email and password. */
  signInWithPassword(email: string, password: string, page?: Page): Promise<Page>;
}

/**
 * A browser for the enclosing test file and a fresh server (a new in-memory tenant) for each
 * test, so no test sees what another left behind, in whatever order they run.
 */
export function useConsole(options: ServerOptions = {}): ConsoleFixture {
  const fixture = {} as ConsoleFixture;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    assertConsoleBuilt();
    fixture.browser = await launchChromium();
    fixture.open = async ({ path = "/" } = {}) => {
      const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 860 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(fixture.url + path);
      return page;
    };
    fixture.signIn = async (token) => {
      const page = await fixture.open();
      await page.getByRole("button", { name: "Use an API token (local development)" }).click();
      if (token !== undefined) await page.getByLabel("API token").fill(token);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("navigation", { name: "Settings" }).waitFor();
      return page;
    };
    fixture.signInWithPassword = async (email, password, existing) => {
      const page = existing ?? (await fixture.open());
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("navigation", { name: "Settings" }).waitFor();
      return page;
    };
  }, 60_000);
  beforeEach(async () => {
    fixture.server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, ...options });
    fixture.url = fixture.server.url;
    fixture.sdk = createCallplaneClient({ endpoint: fixture.url, token: ADMIN_TOKEN, maxRetries: 0, validateResponses: true });
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
    await fixture.server?.close();
  });
  afterAll(async () => {
    await fixture.browser?.close();
  });
  return fixture;
}

/** Goes to a tab by its link, as a person would. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}
