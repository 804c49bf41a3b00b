import type { ResponseMeta, WithResponse } from "./response.js";

/** One page of a list: the API's `data` and `nextCursor`, plus a way to the next page. */
export class Page<T> {
  readonly data: T[];
  /** Pass as `cursor` to get the next page; null on the last one. */
  readonly nextCursor: string | null;
  declare readonly lastResponse: ResponseMeta;
  readonly #next: (cursor: string) => Promise<Page<T>>;

  constructor(body: WithResponse<{ data: T[]; nextCursor: string | null }>, next: (cursor: string) => Promise<Page<T>>) {
    this.data = body.data;
    this.nextCursor = body.nextCursor;
    Object.defineProperty(this, "lastResponse", { value: body.lastResponse, enumerable: false });
    this.#next = next;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null;
  }

  /** The next page, or null when this is the last. */
  nextPage(): Promise<Page<T> | null> {
    return this.nextCursor === null ? Promise.resolve(null) : this.#next(this.nextCursor);
  }
}

type FetchPage<T> = (cursor: string | undefined) => Promise<WithResponse<{ data: T[]; nextCursor: string | null }>>;

/**
 * A list call. `await` it for the first page, or iterate it with `for await` to walk every
 * item across all pages, fetching each page when it is needed. Nothing is fetched until then.
 */
export class PagedList<T> implements AsyncIterable<T>, PromiseLike<Page<T>> {
  readonly #fetchPage: FetchPage<T>;
  readonly #startCursor: string | undefined;

  constructor(fetchPage: FetchPage<T>, startCursor?: string) {
    this.#fetchPage = fetchPage;
    this.#startCursor = startCursor;
  }

  /** The first page (or the page at the `cursor` the list was called with). */
  firstPage(): Promise<Page<T>> {
    return this.#page(this.#startCursor);
  }

  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | null = await this.firstPage();
    while (page) {
      yield* page.data;
      page = await page.nextPage();
    }
  }

  /** Every item of every page, in order. Stops with an error past `limit` items (default 10,000). */
  async toArray(limit = 10_000): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) {
      if (items.length >= limit) throw new RangeError(`the list has more than ${limit} items; raise the limit or iterate it`);
      items.push(item);
    }
    return items;
  }

  async #page(cursor: string | undefined): Promise<Page<T>> {
    return new Page(await this.#fetchPage(cursor), (next) => this.#page(next));
  }
}
