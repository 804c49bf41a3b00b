/** Sign-in, the header and the tabs (one per hash: #environments, #users, …). */
import type { Role } from "@callplane/sdk";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { Callout, Loading, NotifyContext, Notices, type Notice } from "./components.js";
import { SessionContext, forgetSession, onSessionEnded, readOnlyReason, restoreSession, signOut, type Session } from "./session.js";
import { SignIn } from "./signin.js";
import { AuditTab } from "./tabs/audit.js";
import { EnvironmentsTab } from "./tabs/environments.js";
import { InvitationsTab } from "./tabs/invitations.js";
import { MyScheduleTab } from "./tabs/my-schedule.js";
import { TenantTab } from "./tabs/tenant.js";
import { UsersTab } from "./tabs/users.js";

/**
 * `roles`: who sees the tab; everyone when left out. Users and Invitations are for admins
 * only (the API refuses anyone else anyway); an unknown role (an API token whose owner could
 * not be told) sees every tab and learns from the API.
 */
const TABS: readonly { id: string; label: string; view: () => preact.JSX.Element; roles?: readonly Role[] }[] = [
  { id: "environments", label: "Environments", view: EnvironmentsTab },
  { id: "schedule", label: "My schedule", view: MyScheduleTab, roles: ["operator"] },
  { id: "users", label: "Users", view: UsersTab, roles: ["admin"] },
  { id: "invitations", label: "Invitations", view: InvitationsTab, roles: ["admin"] },
  { id: "tenant", label: "Tenant", view: TenantTab },
  { id: "audit", label: "Audit log", view: AuditTab },
];

function tabsFor(role: Role | undefined) {
  return TABS.filter((t) => !t.roles || (role ? t.roles.includes(role) : t.id !== "schedule"));
}

function tabFromHash(tabs: typeof TABS): string {
  const id = globalThis.location.hash.replace(/^#\/?/, "");
  return tabs.find((t) => t.id === id)?.id ?? "environments";
}

export function App({ prefillToken, allowSignup }: { prefillToken: string | undefined; allowSignup: boolean }) {
  const [session, setSession] = useState<Session>();
  const [restoring, setRestoring] = useState(true);
  const [ended, setEnded] = useState<string>();
  const current = useRef<Session>();
  current.current = session;
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const notify = useCallback((kind: Notice["kind"], text: string) => {
    const id = nextId.current++;
    setNotices((all) => [...all.slice(-3), { id, kind, text }]);
    if (kind === "success") setTimeout(() => setNotices((all) => all.filter((n) => n.id !== id)), 6000);
  }, []);
  const dismiss = (id: number) => setNotices((all) => all.filter((n) => n.id !== id));

  useEffect(() => {
    void restoreSession().then((restored) => {
      if (restored) setSession(restored);
      setRestoring(false);
    });
    // A 401 on the signed-in client: the session ended (signed out elsewhere, expired, or the
    // user was deleted). Back to the sign-in page, saying why.
    return onSessionEnded((client) => {
      if (current.current?.client !== client) return;
      forgetSession();
      setSession(undefined);
      setEnded("Your session has ended (it expired, was signed out, or your account was removed). Sign in again.");
    });
  }, []);

  const signedIn = (next: Session) => {
    setEnded(undefined);
    setSession(next);
  };

  return (
    <NotifyContext.Provider value={notify}>
      {session ? (
        <SessionContext.Provider value={{ ...session, setTenant: (tenant) => setSession((s) => s && { ...s, tenant, readOnlyReason: readOnlyReason(tenant, s.who) }) }}>
          <Shell session={session} onSignOut={() => {
            void signOut(session);
            setSession(undefined);
          }} />
        </SessionContext.Provider>
      ) : restoring ? (
        <Loading what="the console" />
      ) : (
        <SignIn prefillToken={prefillToken} allowSignup={allowSignup} ended={ended} onSignedIn={signedIn} />
      )}
      <Notices notices={notices} onDismiss={dismiss} />
    </NotifyContext.Provider>
  );
}

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const tabs = tabsFor(session.who.role);
  const [tab, setTab] = useState<string>(() => tabFromHash(tabs));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const onHash = () => {
      setTab(tabFromHash(tabs));
      heading.current?.focus();
    };
    globalThis.addEventListener("hashchange", onHash);
    return () => globalThis.removeEventListener("hashchange", onHash);
  }, []);
  const current = tabs.find((t) => t.id === tab)!;
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
          {tabs.map((t) => (
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
