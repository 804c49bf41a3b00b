/**
 * Moves call capacity from staging to production in one atomic step, then shows who changed
 * what. Needs a Callplane server:
 *
 *   CALLPLANE_ENDPOINT=http://127.0.0.1:8787 CALLPLANE_TOKEN=cpt_… pnpm --filter @callplane/examples move-capacity
 */
import { ConflictError, createCallplaneClient, PreconditionFailedError, ValidationError } from "@callplane/sdk";

const callplane = createCallplaneClient({
  endpoint: process.env.CALLPLANE_ENDPOINT ?? "http://127.0.0.1:8787",
  token: process.env.CALLPLANE_TOKEN,
  userAgent: "move-capacity-example/1.0",
});

const split = await callplane.concurrency.get();
console.log(`plan limit ${split.planLimit}: ${split.allocated} allocated, ${split.available} available`);
for (const a of split.allocations) console.log(`  ${a.environmentName.padEnd(12)} ${a.maxConcurrentCalls}`);

const byName = new Map(split.allocations.map((a) => [a.environmentName, a]));
const production = byName.get("production");
const staging = byName.get("staging");
if (!production || !staging) {
  console.log("This example needs environments named production and staging.");
  process.exit(0);
}

const moved = Math.min(5, staging.maxConcurrentCalls);
try {
  // All or nothing, and only if nobody changed the split since we read it.
  const after = await callplane.concurrency.set(
    {
      allocations: [
        { environmentId: production.environmentId, maxConcurrentCalls: production.maxConcurrentCalls + moved },
        { environmentId: staging.environmentId, maxConcurrentCalls: staging.maxConcurrentCalls - moved },
      ],
    },
    { ifMatch: split.etag },
  );
  console.log(`moved ${moved} calls; ${after.available} still available`);
} catch (error) {
  if (error instanceof ValidationError) console.error("refused:", error.fieldErrors);
  else if (error instanceof PreconditionFailedError) console.error("someone changed the split meanwhile; read it again");
  else if (error instanceof ConflictError) console.error("conflict:", error.detail);
  else throw error;
  process.exitCode = 1;
}

for await (const event of callplane.auditEvents.list({ resourceType: "concurrency", limit: 5 })) {
  console.log(`${event.occurredAt} ${event.actor.name} via ${event.source}: ${event.action}`);
}
