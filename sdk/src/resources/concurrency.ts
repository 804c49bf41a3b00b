import type { CallplaneCore, RequestOptions } from "../core/core.js";
import type { WithResponse } from "../core/response.js";
import type { Concurrency, ConcurrencyUpdate } from "../types.js";

/** How the plan limit of concurrent calls is split across environments. */
export class ConcurrencyResource {
  constructor(private readonly core: CallplaneCore) {}

  /** The plan limit, allocated, available, and each environment's share. */
  get(options?: RequestOptions): Promise<WithResponse<Concurrency>> {
    return this.core.call("getConcurrency", options, (init) => this.core.api.GET("/v1/concurrency", init));
  }

  /** Sets every listed allocation in one step: all change, or none does. */
  set(body: ConcurrencyUpdate, options?: RequestOptions): Promise<WithResponse<Concurrency>> {
    return this.core.call("setConcurrency", options, (init) => this.core.api.PUT("/v1/concurrency", { ...init, body }));
  }
}
