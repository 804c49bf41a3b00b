/** The audit log: every change, newest first, with who, through what, and before/after. */
import type { AuditEvent, ListAuditEventsQuery } from "@callplane/sdk";
import { useState } from "preact/hooks";
import { Callout, Empty, Loading, SelectField, useLoad } from "../components.js";
import { brief, formatDate } from "../format.js";
import { describeError, useSession } from "../session.js";

type ResourceType = NonNullable<ListAuditEventsQuery["resourceType"]>;

const RESOURCES: { value: "" | ResourceType; label: string }[] = [
  { value: "", label: "All resources" },
  { value: "tenant", label: "Tenant" },
  { value: "environment", label: "Environments" },
  { value: "concurrency", label: "Concurrency split" },
  { value: "user", label: "Users" },
  { value: "invitation", label: "Invitations" },
  { value: "apiToken", label: "API tokens" },
  { value: "session", label: "Sign-ins" },
];

const PAGE = 25;

export function AuditTab() {
  const { client } = useSession();
  const [resource, setResource] = useState<"" | ResourceType>("");
  const [more, setMore] = useState<{ events: AuditEvent[]; cursor: string | null }>();
  const [moreError, setMoreError] = useState<string>();
  const { data, error, reload } = useLoad(async () => {
    setMore(undefined);
    const page = await client.auditEvents.list({ ...(resource ? { resourceType: resource } : {}), limit: PAGE });
    return { events: page.data, cursor: page.nextCursor };
  }, [resource]);
  const events = [...(data?.events ?? []), ...(more?.events ?? [])];
  const cursor = more ? more.cursor : data?.cursor;

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await client.auditEvents.list({ ...(resource ? { resourceType: resource } : {}), limit: PAGE, cursor });
      setMore({ events: [...(more?.events ?? []), ...page.data], cursor: page.nextCursor });
    } catch (failure) {
      setMoreError(describeError(failure));
    }
  };

  return (
    <section aria-labelledby="audit-heading">
      <p class="lead">Every change: who made it, when, through what (console, API, Terraform, SDK), and the fields before and after. Newest first.</p>
      <div class="toolbar">
        <h2 id="audit-heading">Events</h2>
        <div class="filter">
          <SelectField label="Resource" value={resource} onValue={(v) => setResource(v as "" | ResourceType)} options={RESOURCES} />
        </div>
        <button type="button" onClick={() => void reload()}>Refresh</button>
      </div>
      {error && <Callout kind="error">Could not load the audit log: {error}</Callout>}
      {!data && !error && <Loading what="the audit log" />}
      {data && events.length === 0 && <Empty>No changes recorded{resource ? " for this resource" : ""}.</Empty>}
      {events.length > 0 && (
        <div class="table-wrap">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Source</th>
                <th scope="col">Action</th>
                <th scope="col">Resource</th>
                <th scope="col">Before → after</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td class="date">{formatDate(event.occurredAt)}</td>
                  <td class="actor">{event.actor.name}<span class="muted sub">{event.actor.type}</span></td>
                  <td><span class={`source source-${event.source}`}>{event.source}</span></td>
                  <td><code>{event.action}</code></td>
                  <td>{event.resourceType}{event.resourceId && <code class="muted sub">{event.resourceId}</code>}</td>
                  <td><Changes event={event} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moreError && <Callout kind="error">{moreError}</Callout>}
      {cursor && <button type="button" class="more" onClick={() => void loadMore()}>Load older events</button>}
    </section>
  );
}

const SKIP = new Set(["id", "createdAt", "modifiedAt"]);

function Changes({ event }: { event: AuditEvent }) {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !SKIP.has(k));
  if (keys.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="changes">
      {keys.map((key) => (
        <li key={key}>
          <span class="key">{key}</span>:{" "}
          {event.before === null ? <span>{brief(after[key])}</span> : event.after === null ? <del>{brief(before[key])}</del> : (
            <>
              <del>{brief(before[key])}</del> → <ins>{brief(after[key])}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
