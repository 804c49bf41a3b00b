import { defineConfig } from "vitest/config";

// `pnpm mutate server`: the suites that run the server in the test process (a real server on
// port 0 and SQLite in memory), so Stryker sees which test reaches which mutant. Left out: the
// suites that run the built CLI as a child process (durability, cli) and the browser suites
// (e2e/console), which a mutant in src/ does not reach or which cost a browser per run. Every
// suite here moves a test clock rather than sleeping, so a mutant costs the covering tests' own
// time (security.test.ts's two socket-timeout tests take about a second each).
export default defineConfig({
  test: {
    include: [
      "src/auth/**/*.test.ts",
      "e2e/access.test.ts",
      "e2e/audit.test.ts",
      "e2e/clock.test.ts",
      "e2e/concurrency.test.ts",
      "e2e/environments.test.ts",
      "e2e/if-match.test.ts",
      "e2e/invitations.test.ts",
      "e2e/protocol.test.ts",
      "e2e/refusals.test.ts",
      "e2e/security.test.ts",
      "e2e/sessions.test.ts",
      "e2e/tenancy.test.ts",
      "e2e/tenant.test.ts",
      "e2e/users.test.ts",
    ],
    testTimeout: 20_000,
  },
});
