/**
 * A `fetch` for the SDK on top of node:http(s). Node's built-in fetch compiles its HTTP parser
 * from WebAssembly on first use, which costs a plugin process about 15 MB and 30 ms of CPU;
 * the plugin starts 3-5 times per Terraform command and sends only small JSON requests.
 */
import * as http from "node:http";
import * as https from "node:https";

/** Keep-alive: one refresh or apply sends many requests to the same API. */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

export async function nodeFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const protocol = url.protocol === "https:" ? https : url.protocol === "http:" ? http : undefined;
  if (!protocol) throw new TypeError(`fetch failed: unsupported protocol ${url.protocol}`);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const signal = request.signal;
  if (signal.aborted) throw abortReason(signal);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  if (body) headers["content-length"] = String(body.length);

  return new Promise<Response>((resolve, reject) => {
    const outgoing = protocol.request(url, { method: request.method, headers, agent: agents[url.protocol as keyof typeof agents] });
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
