/** How the server serves the console next to the API: paths, types, caching, the token prefill. */
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/index.js";
import { ADMIN_TOKEN, assertConsoleBuilt } from "./browser.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the Host header and odd paths go out exactly as written. */
function get(url: string, path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer & { bytes: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString("utf8"), bytes });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the console, served", () => {
  let server: RunningServer;
  const lines: string[] = [];
  beforeAll(async () => {
    assertConsoleBuilt();
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, log: (line) => lines.push(line) });
  });
  afterAll(() => server?.close());

  it("serves the page at / with the hashed script and stylesheet it names", async () => {
    const page = await get(server.url, "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const script = /<script type="module" src="(\/app-[A-Z0-9]+\.js)"/.exec(page.body)?.[1];
    const stylesheet = /<link rel="stylesheet" href="(\/styles-[A-Z0-9]+\.css)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    expect(stylesheet).toBeDefined();

    const js = await get(server.url, script!);
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const css = await get(server.url, stylesheet!);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.body).toContain(":focus-visible");

    const gzipped = await get(server.url, script!, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toBe("Accept-Encoding");
    expect(gzipped.bytes.length).toBeLessThan(js.bytes.length / 2);
    expect(gunzipSync(gzipped.bytes).equals(js.bytes)).toBe(true);

    const again = await get(server.url, script!, { headers: { "If-None-Match": String(js.headers.etag) } });
    expect(again.status).toBe(304);
    const head = await get(server.url, "/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("prefills the bootstrap token only for a loopback Host, and never logs it", async () => {
    const local = await get(server.url, "/");
    expect(local.body).toContain(`<script type="application/json" id="callplane-config">{"prefillToken":"${ADMIN_TOKEN}","allowSignup":false}</script>`);
    for (const host of ["localhost", "[::1]:8787"]) {
      expect((await get(server.url, "/", { headers: { Host: host } })).body).toContain(ADMIN_TOKEN);
    }
    // A page on another name that resolves here (DNS rebinding) gets no token.
    for (const host of ["attacker.example", "attacker.example:8787", "127.0.0.1.attacker.example", "192.168.1.20:8787"]) {
      const remote = await get(server.url, "/", { headers: { Host: host } });
      expect(remote.status).toBe(200);
      expect(remote.body, host).not.toContain(ADMIN_TOKEN);
      expect(remote.body).toContain('<script type="application/json" id="callplane-config">{"allowSignup":false}</script>');
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(ADMIN_TOKEN);
  });

  it("answers 404 for unknown paths and never leaves its folder", async () => {
    for (const path of ["/nothing", "/favicon.ico", "/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/index.html/..", "//etc/passwd", "/app.js"]) {
      const answer = await get(server.url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('"name"');
    }
    const post = await get(server.url, "/", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("leaves /v1 to the API, exactly as before", async () => {
    const unknown = await get(server.url, "/v1/nothing", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toBe("application/problem+json");
    const tenant = await get(server.url, "/v1/tenant", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(tenant.status).toBe(200);
    expect(JSON.parse(tenant.body).name).toBe("Local tenant");
  });
});

describe("without the console", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, console: false });
  });
  afterAll(() => server?.close());

  it("answers / like any unknown API route", async () => {
    const page = await get(server.url, "/");
    expect(page.status).toBe(404);
    expect(page.headers["content-type"]).toBe("application/problem+json");
    expect(page.body).not.toContain(ADMIN_TOKEN);
  });
});

describe("on a non-loopback interface", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, host: "0.0.0.0" });
  });
  afterAll(() => server?.close());

  it("never prefills the token, whatever the Host says", async () => {
    const page = await get(server.url.replace("0.0.0.0", "127.0.0.1"), "/", { headers: { Host: "localhost" } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("callplane-config");
    expect(page.body).not.toContain(ADMIN_TOKEN);
  });
});

describe("the screenshots in docs/images", () => {
  // Made by `pnpm --filter @callplane/server run screenshots`; tests never rewrite them.
  it.each(["environments", "users", "invitations", "tenant", "audit"])("console-%s.png exists and is a PNG", (tab) => {
    const file = fileURLToPath(new URL(`../../../docs/images/console-${tab}.png`, import.meta.url));
    expect(existsSync(file), `${file} is missing: run the screenshots script`).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.readUInt32BE(16)).toBe(1280); // the width the script shoots at
  });
});
