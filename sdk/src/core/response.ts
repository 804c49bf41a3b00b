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

export function responseMeta(response: Response): ResponseMeta {
  return {
    status: response.status,
    requestId: response.headers.get("X-Request-Id") ?? undefined,
    etag: response.headers.get("ETag") ?? undefined,
    headers: response.headers,
  };
}

export function attachResponse<T extends object>(value: T, meta: ResponseMeta): WithResponse<T> {
  // Two defineProperty calls: one defineProperties with a descriptor map costs ~5× as much per call.
  Object.defineProperty(value, "etag", { value: meta.etag, enumerable: false });
  return Object.defineProperty(value, "lastResponse", { value: meta, enumerable: false }) as WithResponse<T>;
}
