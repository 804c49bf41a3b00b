import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ENDPOINT, fixtures } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

/** 7 environments served 3 per page, with opaque cursors. */
function serveSevenEnvironments() {
  const all = Array.from({ length: 7 }, (_, i) => ({ ...fixtures.environment(), id: `env_${i}`, name: `env-${i}` }));
  server.use(http.get(`${ENDPOINT}/v1/environments`, ({ request }) => {
    const url = new URL(request.url);
    const start = url.searchParams.has("cursor") ? Number(atob(url.searchParams.get("cursor")!)) : 0;
    const limit = Number(url.searchParams.get("limit") ?? 3);
    const data = all.slice(start, start + limit);
    const next = start + limit < all.length ? btoa(String(start + limit)) : null;
    return HttpResponse.json({ data, nextCursor: next });
  }));
}

describe("lists", () => {
  it("walk every page with for await, one request per page", async () => {
    serveSevenEnvironments();
    const names: string[] = [];
    for await (const env of testClient().environments.list({ limit: 3, includeHidden: true })) names.push(env.name);
    expect(names).toEqual(["env-0", "env-1", "env-2", "env-3", "env-4", "env-5", "env-6"]);
    expect(seen).toHaveLength(3);
    expect(seen.map((r) => new URL(r.url).searchParams.get("includeHidden"))).toEqual(["true", "true", "true"]);
  });

  it("fetch only the first page when awaited", async () => {
    serveSevenEnvironments();
    const page = await testClient().environments.list({ limit: 3 });
    expect(page.data.map((e) => e.name)).toEqual(["env-0", "env-1", "env-2"]);
    expect(page.hasNextPage()).toBe(true);
    expect(seen).toHaveLength(1);
    const second = await page.nextPage();
    expect(second?.data.map((e) => e.name)).toEqual(["env-3", "env-4", "env-5"]);
  });

  it("fetch a single page at a given cursor", async () => {
    serveSevenEnvironments();
    const page = await testClient().environments.list({ limit: 3, cursor: btoa("6") });
    expect(page.data.map((e) => e.name)).toEqual(["env-6"]);
    expect(page.nextCursor).toBeNull();
    expect(await page.nextPage()).toBeNull();
  });

  it("fetch nothing until used", async () => {
    serveSevenEnvironments();
    testClient().environments.list();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(0);
  });

  it("collect every item with toArray, and refuse to grow past its limit", async () => {
    serveSevenEnvironments();
    expect(await testClient().environments.list().toArray()).toHaveLength(7);
    await expect(testClient().environments.list().toArray(5)).rejects.toThrow(/more than 5 items/);
  });
});

describe("pages", () => {
  it("keep the answer's metadata out of sight of spreading and serialising", async () => {
    serveSevenEnvironments();
    const page = await testClient().environments.list({ limit: 3 });
    expect(Object.keys(page)).toEqual(["data", "nextCursor"]);
    expect(JSON.parse(JSON.stringify(page))).toEqual({ data: page.data, nextCursor: page.nextCursor });
    expect(page.lastResponse.status).toBe(200);
  });

  it("collect exactly `limit` items, and refuse one more", async () => {
    serveSevenEnvironments();
    expect(await testClient().environments.list({ limit: 3 }).toArray(7)).toHaveLength(7);
    await expect(testClient().environments.list({ limit: 3 }).toArray(6)).rejects.toThrow("the list has more than 6 items; raise the limit or iterate it");
  });
});
