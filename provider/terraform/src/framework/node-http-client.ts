/**
 * The SDK's `httpClient` for the plugin, on node:http(s). Node's built-in fetch and its
 * `Request`/`Response`/`Headers` classes live in the bundled undici, whose first use costs a
 * plugin process ~44 ms of a 200-resource plan and ~9 MB (bench/README.md); the plugin starts
 * 3-5 times per Terraform command and sends only small JSON requests, so it never loads them.
 */
import type { HttpAnswer, HttpClient, HttpRequest } from "@callplane/sdk";
import type * as Http from "node:http";

interface Transport {
  request(url: URL, options: Http.RequestOptions): Http.ClientRequest;
  agent: Http.Agent;
}

/**
 * node:http(s) and their keep-alive agents (one refresh or apply sends many requests to the same
 * API) are made on first use: the single executable snapshots every module at build time, and
 * Node cannot snapshot node:http(s).
 */
const transports: Partial<Record<"http:" | "https:", Transport>> = {};
function transportFor(protocol: string): Transport | undefined {
  if (protocol !== "http:" && protocol !== "https:") return undefined;
  return (transports[protocol] ??= protocol === "https:" ? makeTransport(process.getBuiltinModule("node:https")) : makeTransport(process.getBuiltinModule("node:http")));
}
function makeTransport(module: typeof import("node:http") | typeof import("node:https")): Transport {
  return { request: module.request, agent: new module.Agent({ keepAlive: true }) };
}

export const nodeHttpClient: HttpClient = async (request: HttpRequest): Promise<HttpAnswer> => {
  const url = new URL(request.url);
  const transport = transportFor(url.protocol);
  if (!transport) throw new TypeError(`fetch failed: unsupported protocol ${url.protocol}`);
  const { signal } = request;
  if (signal.aborted) throw abortReason(signal);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string> = { ...request.headers };
  if (body) headers["content-length"] = String(body.length);

  return new Promise<HttpAnswer>((resolve, reject) => {
    const outgoing = transport.request(url, { method: request.method, headers, agent: transport.agent });
    const onAbort = () => {
      outgoing.destroy();
      reject(abortReason(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    const done = () => signal.removeEventListener("abort", onAbort);
    // Network failures surface as TypeError, as with the built-in fetch, so the SDK retries them.
    outgoing.on("error", (error) => {
      done();
      reject(new TypeError(`fetch failed: ${error.message}`, { cause: error }));
    });
    outgoing.on("response", (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", (error) => {
        done();
        reject(new TypeError(`fetch failed: ${error.message}`, { cause: error }));
      });
      incoming.on("end", () => {
        done();
        const pairs: [string, string][] = [];
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) pairs.push([incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!]);
        resolve({ status: incoming.statusCode ?? 0, statusText: incoming.statusMessage ?? "", headers: pairs, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    outgoing.end(body);
  });
};

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
