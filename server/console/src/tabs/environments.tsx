/** Environments: the table, the plan-limit bar and split chart, create/edit/delete, the hidden toggle, key rotation. */
import { schemas, validate, type Concurrency, type Environment } from "@callplane/sdk";
import { useState } from "preact/hooks";
import { Callout, CheckboxField, ConfirmDialog, Dialog, Empty, FormError, Loading, SecretDialog, TextField, useLoad, useNotify } from "../components.js";
import { formatDate } from "../format.js";
import { checkedErrors, useFormSubmit } from "../form.js";
import { describeError, useSession } from "../session.js";
import { SplitChart } from "../split-chart.js";

type Open =
  | { kind: "create" }
  | { kind: "edit"; environment: Environment; etag: string | undefined }
  | { kind: "delete"; environment: Environment }
  | { kind: "rotate"; environment: Environment }
  | { kind: "key"; title: string; apiKey: string };

export function EnvironmentsTab() {
  const { client, canWrite } = useSession();
  const notify = useNotify();
  const [open, setOpen] = useState<Open>();
  const { data, error, reload } = useLoad(async () => {
    const [environments, split] = await Promise.all([client.environments.list({ includeHidden: true, limit: 100 }).toArray(), client.concurrency.get()]);
    return { environments, split };
  }, []);

  const startEdit = async (environment: Environment) => {
    try {
      // Read it fresh, so the save only lands if nobody changed it meanwhile (If-Match).
      const fresh = await client.environments.get(environment.id);
      setOpen({ kind: "edit", environment: fresh, etag: fresh.etag });
    } catch (failure) {
      notify("error", describeError(failure));
    }
  };

  const toggleHidden = async (environment: Environment, hidden: boolean) => {
    try {
      await client.environments.update(environment.id, { hidden });
      notify("success", `${environment.name} is now ${hidden ? "hidden from" : "shown in"} the environment switcher.`);
    } catch (failure) {
      notify("error", `Could not change ${environment.name}: ${describeError(failure)}`);
    }
    await reload();
  };

  const close = () => setOpen(undefined);
  const done = async (message: string, next?: Open) => {
    setOpen(next);
    notify("success", message);
    await reload();
  };

  return (
    <section aria-labelledby="environments-heading">
      <p class="lead">Workspaces inside the tenant, each with its own API key and a share of the plan's concurrent calls.</p>
      {error && <Callout kind="error">Could not load the environments: {error}</Callout>}
      {data && <CapacityBar split={data.split} />}
      {data && data.split.allocations.length > 0 && <SplitChart split={data.split} />}
      <div class="toolbar">
        <h2 id="environments-heading">All environments</h2>
        {canWrite && <button type="button" class="primary" onClick={() => setOpen({ kind: "create" })}>Create environment</button>}
      </div>
      {!data && !error && <Loading what="environments" />}
      {data && data.environments.length === 0 && <Empty>No environments yet.</Empty>}
      {data && data.environments.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Environment name</th>
                <th scope="col">API key</th>
                <th scope="col" class="num">Max concurrent calls</th>
                <th scope="col">Created at</th>
                <th scope="col">Hidden</th>
                {canWrite && <th scope="col"><span class="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {data.environments.map((environment) => (
                <tr key={environment.id}>
                  <td><code>{environment.id}</code></td>
                  <th scope="row">{environment.name}{environment.deletionProtection && <span class="badge" title="Deletion protection is on">protected</span>}</th>
                  <td><code>{environment.apiKeyMasked}</code></td>
                  <td class="num">{environment.maxConcurrentCalls}</td>
                  <td class="date">{formatDate(environment.createdAt)}</td>
                  <td>
                    <input
                      type="checkbox"
                      role="switch"
                      class="switch"
                      checked={environment.hidden}
                      disabled={!canWrite}
                      aria-label={`Hidden: ${environment.name}`}
                      onChange={(e) => void toggleHidden(environment, e.currentTarget.checked)}
                    />
                  </td>
                  {canWrite && (
                    <td class="actions">
                      <button type="button" onClick={() => void startEdit(environment)} aria-label={`Edit ${environment.name}`}>Edit</button>
                      <button type="button" onClick={() => setOpen({ kind: "rotate", environment })} aria-label={`Rotate the API key of ${environment.name}`}>Rotate key</button>
                      <button type="button" class="danger-text" onClick={() => setOpen({ kind: "delete", environment })} aria-label={`Delete ${environment.name}`}>Delete</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === "create" && data && (
        <EnvironmentForm
          split={data.split}
          onClose={close}
          onSave={async (values) => {
            const created = await client.environments.create(values);
            await done(`Created ${created.name}.`, { kind: "key", title: `Environment ${created.name} created`, apiKey: created.apiKey });
          }}
        />
      )}
      {open?.kind === "edit" && data && (
        <EnvironmentForm
          environment={open.environment}
          split={data.split}
          onClose={close}
          onSave={async (values) => {
            const before = open.environment;
            const patch = Object.fromEntries(Object.entries(values).filter(([key, value]) => before[key as keyof Environment] !== value));
            if (Object.keys(patch).length === 0) return close();
            const saved = await client.environments.update(before.id, patch, open.etag ? { ifMatch: open.etag } : undefined);
            await done(`Saved ${saved.name}.`);
          }}
        />
      )}
      {open?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete environment “${open.environment.name}”?`}
          confirmLabel={`Delete ${open.environment.name}`}
          danger
          typeToConfirm={open.environment.name}
          onClose={close}
          onConfirm={async () => {
            try {
              await client.environments.delete(open.environment.id);
            } catch (failure) {
              throw new Error(describeError(failure));
            }
            await done(`Deleted ${open.environment.name}.`);
          }}
        >
          <p>This removes <strong>{open.environment.name}</strong> and its configuration (agents, campaigns, numbers) for good, and frees its {open.environment.maxConcurrentCalls} concurrent calls. It cannot be undone.</p>
        </ConfirmDialog>
      )}
      {open?.kind === "rotate" && (
        <ConfirmDialog
          title={`Rotate the API key of “${open.environment.name}”?`}
          confirmLabel="Rotate key"
          onClose={close}
          onConfirm={async () => {
            let rotated;
            try {
              rotated = await client.environments.rotateApiKey(open.environment.id);
            } catch (failure) {
              throw new Error(describeError(failure));
            }
            await done(`Rotated the API key of ${rotated.name}.`, { kind: "key", title: `New API key for ${rotated.name}`, apiKey: rotated.apiKey });
          }}
        >
          <p>The current key (<code>{open.environment.apiKeyMasked}</code>) stops working at once. The new key is shown once.</p>
        </ConfirmDialog>
      )}
      {open?.kind === "key" && <SecretDialog title={open.title} label="API key" secret={open.apiKey} onClose={close} />}
    </section>
  );
}

/** Calls allocated of the plan limit. */
function CapacityBar({ split }: { split: Concurrency }) {
  const over = split.allocated > split.planLimit;
  return (
    <div class="capacity">
      <div class="capacity-text" id="capacity-label">
        <strong>{split.allocated}</strong> of <strong>{split.planLimit}</strong> concurrent calls allocated · {split.available} available
      </div>
      <meter
        min={0}
        max={Math.max(split.planLimit, 1)}
        value={split.allocated}
        high={split.planLimit * 0.9}
        optimum={0}
        aria-labelledby="capacity-label"
        class={over ? "over" : undefined}
      />
    </div>
  );
}

interface EnvironmentValues {
  name: string;
  maxConcurrentCalls: number;
  hidden: boolean;
  deletionProtection: boolean;
}

function EnvironmentForm({ environment, split, onSave, onClose }: { environment?: Environment; split: Concurrency; onSave: (values: EnvironmentValues) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState(environment?.name ?? "");
  const [calls, setCalls] = useState(String(environment?.maxConcurrentCalls ?? 0));
  const [hidden, setHidden] = useState(environment?.hidden ?? false);
  const [protectedFromDelete, setProtected] = useState(environment?.deletionProtection ?? false);
  const { errors, formError, busy, submit: run } = useFormSubmit(["name", "maxConcurrentCalls"]);
  const available = split.available + (environment?.maxConcurrentCalls ?? 0);

  const submit = async (e: Event) => {
    e.preventDefault();
    const values = { name: name.trim(), maxConcurrentCalls: /^\d+$/.test(calls.trim()) ? Number(calls) : Number.NaN, hidden, deletionProtection: protectedFromDelete };
    await run(checkedErrors(validate(schemas.EnvironmentCreate, values)), () => onSave(values));
  };

  return (
    <Dialog title={environment ? `Edit ${environment.name}` : "Create environment"} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div class="dialog-body">
          <TextField label="Environment name" value={name} onValue={setName} error={errors.name} required autoComplete="off" autoFocus hint="For example default, staging or production." />
          <TextField
            label="Max concurrent calls"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={calls}
            onValue={setCalls}
            error={errors.maxConcurrentCalls}
            hint={`${available} of the plan limit (${split.planLimit}) available for this environment.`}
          />
          <CheckboxField label="Hidden from the environment switcher" checked={hidden} onValue={setHidden} hint="Hidden environments still exist and can be managed here." />
          <CheckboxField label="Deletion protection" checked={protectedFromDelete} onValue={setProtected} hint="While on, the environment cannot be deleted." />
          <FormError message={formError} />
        </div>
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{environment ? "Save" : "Create"}</button>
        </div>
      </form>
    </Dialog>
  );
}
