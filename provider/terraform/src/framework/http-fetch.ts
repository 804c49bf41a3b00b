/**
 * A `fetch` for the SDK on top of node:http(s). Node's built-in fetch compiles its HTTP parser
 * from WebAssembly on first use, which costs a plugin process about 15 MB and 30 ms of CPU;
 * the plugin starts 3-5 times per Terraform command and sends only small JSON requests.
 */
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

export async function nodeFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const transport = transportFor(url.protocol);
  if (!transport) throw new TypeError(`fetch failed: unsupported protocol ${url.protocol}`);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const signal = request.signal;
  if (signal.aborted) throw abortReason(signal);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  if (body) headers["content-length"] = String(body.length);

  return new Promise<Response>((resolve, reject) => {
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
        const responseHeaders = new Headers();
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) responseHeaders.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
        const status = incoming.statusCode ?? 0;
        const nullBody = status === 204 || status === 205 || status === 304 || request.method === "HEAD";
        resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: incoming.statusMessage ?? "", headers: responseHeaders }));
      });
    });
    outgoing.end(body);
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
