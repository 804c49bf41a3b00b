import { PlainResponse, type WireResponse } from "./http-client.js";

/** What the SDK keeps of an HTTP answer, attached to every object it returns. */
export interface ResponseMeta {
  status: number;
  /** The API's `X-Request-Id`. */
  requestId: string | undefined;
  /** The object's version; send it back as `ifMatch` to update only what you read. */
  etag: string | undefined;
  headers: Headers;
}

/**
 * An object as returned by a call: the API's fields, plus `etag` and `lastResponse`. Both are
 * non-enumerable, so spreading, comparing or serialising the object sees only the API's fields.
 */
export type WithResponse<T> = T & { readonly etag: string | undefined; readonly lastResponse: ResponseMeta };

export function responseMeta(response: WireResponse): ResponseMeta {
  const status = response.status;
  const requestId = response.headers.get("X-Request-Id") ?? undefined;
  const etag = response.headers.get("ETag") ?? undefined;
  if (!(response instanceof PlainResponse)) return { status, requestId, etag, headers: response.headers };
  // An httpClient's answer gets its `Headers` when first read, so a client that never reads them
  // never loads the WHATWG classes (see http-client.ts).
  const received = response.headers;
  let headers: Headers | undefined;
  return {
    status,
    requestId,
    etag,
    get headers() {
      return (headers ??= new Headers(received.toInit()));
    },
  };
}

export function attachResponse<T extends object>(value: T, meta: ResponseMeta): WithResponse<T> {
  // Two defineProperty calls: one defineProperties with a descriptor map costs ~5× as much per call.
  Object.defineProperty(value, "etag", { value: meta.etag, enumerable: false });
  return Object.defineProperty(value, "lastResponse", { value: meta, enumerable: false }) as WithResponse<T>;
}
