/** Users: search, add, change role, edit name and operator schedule, remove. */
import { schemas, validate, type OperatorSchedule, type Role, type User, type UserCreate, type UserUpdate } from "@callplane/sdk";
import { useEffect, useState } from "preact/hooks";
import { Callout, ConfirmDialog, Dialog, Empty, FormError, Loading, SelectField, TextField, useLoad, useNotify } from "../components.js";
import { ROLES, ROLE_HELP, capitalise, formatDate } from "../format.js";
import { checkedErrors, useFormSubmit } from "../form.js";
import { describeError, useSession } from "../session.js";
import { ScheduleEditor, type ScheduleValue } from "./schedule.js";

type Open = { kind: "add" } | { kind: "edit"; user: User; etag: string | undefined } | { kind: "remove"; user: User };

export function UsersTab() {
  const { client, canWrite } = useSession();
  const notify = useNotify();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Open>();
  const [rowError, setRowError] = useState<string>();

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 200);
    return () => clearTimeout(timer);
  }, [search]);

  const { data: users, error, reload } = useLoad(() => client.users.list({ ...(query ? { q: query } : {}), limit: 100 }).toArray(), [query]);

  const changeRole = async (user: User, role: Role) => {
    setRowError(undefined);
    try {
      await client.users.update(user.id, { role });
      notify("success", `${user.name} is now ${role === "admin" || role === "operator" ? "an" : "a"} ${role}.`);
    } catch (failure) {
      setRowError(`Could not change the role of ${user.name}: ${describeError(failure)}`);
    }
    await reload();
  };

  const close = () => setOpen(undefined);

  return (
    <section aria-labelledby="users-heading">
      <p class="lead">Everyone with access to the tenant. Users are tenant-wide: they see every environment. Only admins change settings.</p>
      <div class="toolbar">
        <h2 id="users-heading">Users</h2>
        <div class="search">
          <label for="user-search" class="visually-hidden">Search users by name or email</label>
          <input id="user-search" type="search" placeholder="Enter name or email" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        {canWrite && <button type="button" class="primary" onClick={() => setOpen({ kind: "add" })}>Add user</button>}
      </div>
      {error && <Callout kind="error">Could not load the users: {error}</Callout>}
      {rowError && <Callout kind="error">{rowError}</Callout>}
      {!users && !error && <Loading what="users" />}
      {users && users.length === 0 && <Empty>{query ? `No user matches “${query}”.` : "No users yet."}</Empty>}
      {users && users.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Modified</th>
                {canWrite && <th scope="col"><span class="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>
                    {canWrite ? (
                      <select aria-label={`Role of ${user.name}`} value={user.role} onChange={(e) => void changeRole(user, e.currentTarget.value as Role)}>
                        {ROLES.map((r) => <option key={r} value={r}>{capitalise(r)}</option>)}
                      </select>
                    ) : (
                      capitalise(user.role)
                    )}
                    {user.operatorSchedule && <span class="badge" title="Has an operator schedule">schedule</span>}
                  </td>
                  <td class="date">{formatDate(user.createdAt)}</td>
                  <td class="date">{formatDate(user.modifiedAt)}</td>
                  {canWrite && (
                    <td class="actions">
                      <button type="button" aria-label={`Edit ${user.name}`} onClick={async () => {
                        try {
                          const fresh = await client.users.get(user.id);
                          setOpen({ kind: "edit", user: fresh, etag: fresh.etag });
                        } catch (failure) {
                          notify("error", describeError(failure));
                        }
                      }}>Edit</button>
                      <button type="button" class="danger-text" aria-label={`Remove ${user.name}`} onClick={() => setOpen({ kind: "remove", user })}>Remove</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === "add" && (
        <UserForm
          onClose={close}
          onSave={async (values) => {
            const created = await client.users.create(values as UserCreate);
            close();
            notify("success", `User ${created.name} created.`);
            await reload();
          }}
        />
      )}
      {open?.kind === "edit" && (
        <UserForm
          user={open.user}
          onClose={close}
          onSave={async (values) => {
            const patch: UserUpdate = {};
            if (values.name !== open.user.name) patch.name = values.name;
            if (values.role !== open.user.role) patch.role = values.role;
            if (values.role === "operator" && JSON.stringify(values.operatorSchedule ?? null) !== JSON.stringify(open.user.operatorSchedule ?? null)) patch.operatorSchedule = values.operatorSchedule ?? null;
            if (Object.keys(patch).length > 0) {
              const saved = await client.users.update(open.user.id, patch, open.etag ? { ifMatch: open.etag } : undefined);
              notify("success", `User ${saved.name} updated.`);
            }
            close();
            await reload();
          }}
        />
      )}
      {open?.kind === "remove" && (
        <ConfirmDialog
          title={`Remove ${open.user.name}?`}
          confirmLabel={`Remove ${open.user.name}`}
          danger
          onClose={close}
          onConfirm={async () => {
            try {
              await client.users.delete(open.user.id);
            } catch (failure) {
              throw new Error(describeError(failure));
            }
            close();
            notify("success", `Removed ${open.user.name}.`);
            await reload();
          }}
        >
          <p><strong>{open.user.name}</strong> ({open.user.email}) loses access to the whole tenant, in every environment.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface UserValues {
  name: string;
  email: string;
  role: Role;
  password?: string;
  operatorSchedule?: OperatorSchedule | null;
}

function UserForm({ user, onSave, onClose }: { user?: User; onSave: (values: UserValues) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState(user?.name ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "member");
  const [password, setPassword] = useState("");
  const [schedule, setSchedule] = useState<ScheduleValue>({ schedule: (user?.operatorSchedule as OperatorSchedule | null | undefined) ?? null, error: undefined });
  const { errors, formError, busy, submit: run } = useFormSubmit(["name", "email", "role", "password", "operatorSchedule"]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const values: UserValues = { name: name.trim(), email: email.trim(), role };
    if (!user && password) values.password = password;
    if (role === "operator" && schedule.schedule) values.operatorSchedule = schedule.schedule;
    const checked = user ? validate(schemas.UserUpdate, { name: values.name, role }) : validate(schemas.UserCreate, values);
    const found = checkedErrors(checked);
    if (!user && !password) found.password = "enter an initial password (8 to 128 characters); it cannot be changed here later";
    if (role === "operator" && schedule.error) found.operatorSchedule = schedule.error;
    await run(found, () => onSave(values));
  };

  return (
    <Dialog title={user ? `Edit ${user.name}` : "Add user"} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <div class="dialog-body">
          <TextField label="Name" value={name} onValue={setName} error={errors.name} required autoComplete="off" autoFocus />
          <TextField label="Email" type="email" value={email} onValue={setEmail} error={errors.email} required disabled={!!user} autoComplete="off"
            hint={user ? "Email is set when the user is created and cannot be changed." : "The address the user signs in with. It cannot be changed later."} />
          {!user && (
            <TextField label="Initial password" type="password" value={password} onValue={setPassword} error={errors.password} required autoComplete="new-password"
              hint="8 to 128 characters. Share it with the user; it cannot be changed here later." />
          )}
          <SelectField label="Role" value={role} onValue={(v) => setRole(v as Role)} error={errors.role} options={ROLES.map((r) => ({ value: r, label: ROLE_HELP[r] }))} />
          {role === "operator" && <ScheduleEditor initial={user?.operatorSchedule as OperatorSchedule | null | undefined} onChange={setSchedule} />}
          {errors.operatorSchedule && <p class="field-error" role="alert">{errors.operatorSchedule}</p>}
          {user?.operatorSchedule && role !== "operator" && <Callout kind="warning">Only operators have a schedule: saving with this role removes it.</Callout>}
          <FormError message={formError} />
        </div>
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{user ? "Save" : "Add user"}</button>
        </div>
      </form>
    </Dialog>
  );
}
