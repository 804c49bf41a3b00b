/**
 * The Settings console: the built page and its assets (`dist/console`, made by
 * `scripts/build-console.mjs`), served next to the API through the HTTP server's `fallback`.
 *
 * Files are read once, at start, into a map keyed by their URL path, so a request can only ever
 * get one of those files: there is no path joining and no way out of the folder. Everything
 * under `/v1` is left to the API. The page may carry a token to prefill the sign-in form; it is
 * then served only to requests whose `Host` is a loopback name, never cached, and never logged.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** `server/dist/console`, from `src/http` (tests) and from `dist/http` (the built server) alike. */
export const CONSOLE_DIR = fileURLToPath(new URL("../../dist/console/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

const CONFIG_MARKER = "<!--callplane:config-->";

export interface ConsoleOptions {
  /** The built console; `dist/console` of this package by default. */
  dir?: string;
  /**
   * A token the sign-in form starts with. Only sent to requests addressed to a loopback
   * host (`localhost`, `127.x.x.x`, `[::1]`), so a DNS-rebinding page cannot read it.
   */
  prefillToken?: string | undefined;
}

interface Asset {
  body: Buffer;
  /** The body gzipped, for text assets where that is smaller. */
  gzipped: Buffer | undefined;
  type: string;
  etag: string;
  /** Hashed file names never change content, so browsers may keep them. */
  immutable: boolean;
}

/** A `fallback` for `createHttpServer`: serves the console and answers 404 off the API. */
export function consoleHandler(options: { dir?: string | undefined; prefillToken?: () => string | undefined; allowSignup?: boolean } = {}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const dir = options.dir ?? CONSOLE_DIR;
  const assets = loadAssets(dir);
  const page = assets.get("/index.html");
  assets.delete("/index.html");

  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/v1" || path.startsWith("/v1/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, req, 405, "Method not allowed: the console only answers GET and HEAD.", { Allow: "GET, HEAD" });
      return true;
    }
    if (path === "/" || path === "/index.html") {
      if (!page) {
        plain(res, req, 503, "The console is not built. Run `pnpm -r run build` (or `pnpm --filter @callplane/server run build`) and restart the server.");
        return true;
      }
      const prefill = isLoopbackHost(req.headers.host) ? options.prefillToken?.() : undefined;
      const html = page.body.toString("utf8").replace(CONFIG_MARKER, configScript({ prefillToken: prefill, allowSignup: options.allowSignup ?? false }));
      const body = Buffer.from(html);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "Content-Security-Policy": CSP,
        "Content-Type": page.type,
        "Content-Length": body.length,
        // The page may hold a token: never stored by the browser or anything in between.
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    }
    const asset = assets.get(path);
    if (!asset) {
      plain(res, req, 404, `Not found: ${path.length > 200 ? `${path.slice(0, 200)}…` : path}. The console is at / and the API under /v1.`);
      return true;
    }
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      "Content-Type": asset.type,
      ETag: asset.etag,
      "Cache-Control": asset.immutable ? "public, max-age=31536000, immutable" : "no-cache",
      Vary: "Accept-Encoding",
    };
    if (req.headers["if-none-match"] === asset.etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    const gzip = asset.gzipped && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? asset.gzipped! : asset.body;
    if (gzip) headers["Content-Encoding"] = "gzip";
    res.writeHead(200, { ...headers, "Content-Length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}

function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) {
        walk(join(folder, entry.name), `${prefix}${entry.name}/`);
        continue;
      }
      const type = TYPES[extname(entry.name)];
      if (!entry.isFile() || !type) continue;
      const body = readFileSync(join(folder, entry.name));
      const gzipped = type.startsWith("text/") || type.includes("json") || type.includes("svg") ? gzipSync(body, { level: 9 }) : undefined;
      assets.set(`${prefix}${entry.name}`, {
        body,
        gzipped: gzipped && gzipped.length < body.length ? gzipped : undefined,
        type,
        etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
        immutable: /-[A-Z0-9]{8,}\.(js|css)$/.test(entry.name),
      });
    }
  };
  walk(dir, "/");
  return assets;
}

/** The page's settings, as JSON that cannot close the script element it sits in. */
function configScript(config: { prefillToken: string | undefined; allowSignup: boolean }): string {
  const json = JSON.stringify(config).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `<script type="application/json" id="callplane-config">${json}</script>`;
}

/** True for `localhost`, `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name);
}

/** True when the server listens only on a loopback interface. */
export function isLoopbackInterface(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

function plain(res: ServerResponse, req: IncomingMessage, status: number, text: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}
