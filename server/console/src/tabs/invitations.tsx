/** Invitations: invite by email with a role; renew expired ones; revoke. */
import { schemas, validate, type Invitation, type InvitationStatus, type Role } from "@callplane/sdk";
import { useState } from "preact/hooks";
import { Callout, ConfirmDialog, Empty, FormError, Loading, SecretDialog, SelectField, TextField, useLoad, useNotify } from "../components.js";
import { ROLES, capitalise, formatDate } from "../format.js";
import { checkedErrors, useFormSubmit } from "../form.js";
import { describeError, useSession } from "../session.js";

type Filter = "open" | "all" | InvitationStatus;

const FILTERS: { value: Filter; label: string }[] = [
  { value: "open", label: "Pending and expired" },
  { value: "all", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "expired", label: "Expired" },
  { value: "accepted", label: "Accepted" },
  { value: "revoked", label: "Revoked" },
];

type Open = { kind: "secret"; title: string; secret: string } | { kind: "revoke"; invitation: Invitation };

export function InvitationsTab() {
  const { client, canWrite } = useSession();
  const notify = useNotify();
  const [filter, setFilter] = useState<Filter>("open");
  const [open, setOpen] = useState<Open>();
  const { data, error, reload } = useLoad(async () => {
    const status = filter === "open" || filter === "all" ? undefined : filter;
    const all = await client.invitations.list({ ...(status ? { status } : {}), limit: 100 }).toArray();
    return filter === "open" ? all.filter((i) => i.status === "pending" || i.status === "expired") : all;
  }, [filter]);

  const renew = async (invitation: Invitation) => {
    try {
      const renewed = await client.invitations.renew(invitation.id);
      notify("success", `Renewed the invitation for ${renewed.email}; it now expires ${formatDate(renewed.expiresAt)}.`);
      setOpen({ kind: "secret", title: `Invitation for ${renewed.email} renewed`, secret: renewed.secret });
    } catch (failure) {
      notify("error", `Could not renew the invitation for ${invitation.email}: ${describeError(failure)}`);
    }
    await reload();
  };

  return (
    <section aria-labelledby="invitations-heading">
      <p class="lead">People invited by email. Accepting creates the user with the invited role. An expired invitation can be renewed.</p>
      {canWrite && <InviteForm onInvited={async (email, secret) => {
        setOpen({ kind: "secret", title: `Invitation sent to ${email}`, secret });
        notify("success", `Invited ${email}.`);
        await reload();
      }} />}
      <div class="toolbar">
        <h2 id="invitations-heading">Pending invitations</h2>
        <div class="filter">
          <SelectField label="Show" value={filter} onValue={(v) => setFilter(v as Filter)} options={FILTERS} />
        </div>
      </div>
      {error && <Callout kind="error">Could not load the invitations: {error}</Callout>}
      {!data && !error && <Loading what="invitations" />}
      {data && data.length === 0 && <Empty>No invitations to show.</Empty>}
      {data && data.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires at</th>
                <th scope="col">Status</th>
                {canWrite && <th scope="col"><span class="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {data.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{capitalise(invitation.role)}</td>
                  <td>{invitation.invitedBy.name}</td>
                  <td class="date">{formatDate(invitation.expiresAt)}</td>
                  <td><span class={`status status-${invitation.status}`}>{capitalise(invitation.status)}</span></td>
                  {canWrite && (
                    <td class="actions">
                      {(invitation.status === "expired" || invitation.status === "pending") && (
                        <button type="button" aria-label={`Renew the invitation for ${invitation.email}`} onClick={() => void renew(invitation)}>Renew</button>
                      )}
                      {(invitation.status === "expired" || invitation.status === "pending") && (
                        <button type="button" class="danger-text" aria-label={`Revoke the invitation for ${invitation.email}`} onClick={() => setOpen({ kind: "revoke", invitation })}>Revoke</button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open?.kind === "secret" && (
        <SecretDialog title={open.title} label="Acceptance secret" secret={open.secret} onClose={() => setOpen(undefined)}>
          <p>The local server sends no email: give the invitee this secret; they accept with <code>POST /v1/invitations/accept</code>.</p>
        </SecretDialog>
      )}
      {open?.kind === "revoke" && (
        <ConfirmDialog
          title={`Revoke the invitation for ${open.invitation.email}?`}
          confirmLabel="Revoke"
          danger
          onClose={() => setOpen(undefined)}
          onConfirm={async () => {
            try {
              await client.invitations.revoke(open.invitation.id);
            } catch (failure) {
              throw new Error(describeError(failure));
            }
            setOpen(undefined);
            notify("success", `Revoked the invitation for ${open.invitation.email}.`);
            await reload();
          }}
        >
          <p>It can no longer be accepted. You can invite the address again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function InviteForm({ onInvited }: { onInvited: (email: string, secret: string) => Promise<void> }) {
  const { client } = useSession();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const { errors, formError, busy, setBusy, submit } = useFormSubmit(["email", "role"]);
  return (
    <form
      class="inline-form"
      aria-label="Invite a user"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { email: email.trim(), role };
        await submit(checkedErrors(validate(schemas.InvitationCreate, body)), async () => {
          const created = await client.invitations.create(body);
          setEmail("");
          await onInvited(created.email, created.secret);
          setBusy(false);
        });
      }}
    >
      <TextField label="Invite by email" type="email" value={email} onValue={setEmail} error={errors.email} placeholder="name@example.com" autoComplete="off" />
      <SelectField label="Role" value={role} onValue={(v) => setRole(v as Role)} options={ROLES.map((r) => ({ value: r, label: capitalise(r) }))} error={errors.role} />
      <button type="submit" class="primary" disabled={busy}>Invite</button>
      <FormError message={formError} />
    </form>
  );
}
