/** Sign-in, the header and the tabs (one per hash: #environments, #users, …). */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { Callout, FormError, NotifyContext, Notices, TextField, type Notice } from "./components.js";
import { SessionContext, describeError, readOnlyReason, signIn, type Session } from "./session.js";
import { AuditTab } from "./tabs/audit.js";
import { EnvironmentsTab } from "./tabs/environments.js";
import { InvitationsTab } from "./tabs/invitations.js";
import { TenantTab } from "./tabs/tenant.js";
import { UsersTab } from "./tabs/users.js";

const TABS = [
  { id: "environments", label: "Environments", view: EnvironmentsTab },
  { id: "users", label: "Users", view: UsersTab },
  { id: "invitations", label: "Invitations", view: InvitationsTab },
  { id: "tenant", label: "Tenant", view: TenantTab },
  { id: "audit", label: "Audit log", view: AuditTab },
] as const;

type TabId = (typeof TABS)[number]["id"];

function tabFromHash(): TabId {
  const id = globalThis.location.hash.replace(/^#\/?/, "");
  return TABS.find((t) => t.id === id)?.id ?? "environments";
}

export function App({ prefillToken }: { prefillToken: string | undefined }) {
  const [session, setSession] = useState<Session>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const notify = useCallback((kind: Notice["kind"], text: string) => {
    const id = nextId.current++;
    setNotices((all) => [...all.slice(-3), { id, kind, text }]);
    if (kind === "success") setTimeout(() => setNotices((all) => all.filter((n) => n.id !== id)), 6000);
  }, []);
  const dismiss = (id: number) => setNotices((all) => all.filter((n) => n.id !== id));

  return (
    <NotifyContext.Provider value={notify}>
      {session ? (
        <SessionContext.Provider value={{ ...session, setTenant: (tenant) => setSession((s) => s && { ...s, tenant, readOnlyReason: readOnlyReason(tenant, s.who) }) }}>
          <Shell session={session} onSignOut={() => setSession(undefined)} />
        </SessionContext.Provider>
      ) : (
        <SignIn prefillToken={prefillToken} onSignedIn={setSession} />
      )}
      <Notices notices={notices} onDismiss={dismiss} />
    </NotifyContext.Provider>
  );
}

function SignIn({ prefillToken, onSignedIn }: { prefillToken: string | undefined; onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState(prefillToken ?? "");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <main class="signin">
      <h1>Callplane Settings</h1>
      <p>Sign in with an API token or the tenant API key. The console is a client of this server's API like any other; changes made here are recorded with the source <code>console</code>.</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            onSignedIn(await signIn(token));
          } catch (failure) {
            setError(describeError(failure));
            setBusy(false);
          }
        }}
      >
        <TextField
          label="API token"
          type="password"
          value={token}
          onValue={setToken}
          autoComplete="off"
          spellcheck={false}
          required
          hint={prefillToken ? "Prefilled with this local server's bootstrap token (a development convenience of local mode)." : "A personal API token (cpt_…) or the tenant API key (cpk_…)."}
        />
        <FormError message={error} />
        <button type="submit" class="primary" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
      </form>
    </main>
  );
}

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const [tab, setTab] = useState<TabId>(tabFromHash);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const onHash = () => {
      setTab(tabFromHash());
      heading.current?.focus();
    };
    globalThis.addEventListener("hashchange", onHash);
    return () => globalThis.removeEventListener("hashchange", onHash);
  }, []);
  const current = TABS.find((t) => t.id === tab)!;
  const View = current.view;
  const { who, tenant } = session;
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">◆</span> Callplane Settings
          <span class="tenant-name">{tenant.name}</span>
        </div>
        <div class="who">
          <span>Signed in as <strong>{who.name}</strong>{who.role ? ` (${who.role})` : ""}</span>
          <button type="button" onClick={onSignOut}>Sign out</button>
        </div>
      </header>
      <nav class="tabs" aria-label="Settings">
        <ul>
          {TABS.map((t) => (
            <li key={t.id}>
              <a href={`#${t.id}`} aria-current={t.id === tab ? "page" : undefined}>{t.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>{current.label}</h1>
        {session.readOnlyReason && <Callout kind="info"><strong>Read-only.</strong> {session.readOnlyReason}</Callout>}
        <View key={tab} />
      </main>
    </>
  );
}
