/**
 * The pages before signing in: email and password (the default), an API token (for local
 * development, behind a link), signing up (when the server allows it) and accepting an
 * invitation. Each one ends in a `Session`.
 */
import { AuthenticationError, RateLimitError } from "@callplane/sdk";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { FormError, TextField } from "./components.js";
import { acceptInvitation, describeError, fieldErrorsOf, signIn, signInWithPassword, signUp, type Session } from "./session.js";

export type SignedOutView = "password" | "token" | "signup" | "accept";

export interface SignInProps {
  prefillToken: string | undefined;
  allowSignup: boolean;
  /** Why the last session ended, shown above the form. */
  ended: string | undefined;
  onSignedIn: (session: Session) => void;
}

export function SignIn(props: SignInProps) {
  const [view, setView] = useState<SignedOutView>("password");
  const go = (next: SignedOutView) => (e: Event) => {
    e.preventDefault();
    setView(next);
  };
  const links = (
    <nav class="signin-links" aria-label="Other ways in">
      {view !== "password" && <button type="button" class="link" onClick={go("password")}>Sign in with email and password</button>}
      {view !== "signup" && props.allowSignup && <button type="button" class="link" onClick={go("signup")}>Create a tenant</button>}
      {view !== "accept" && <button type="button" class="link" onClick={go("accept")}>Accept an invitation</button>}
      {view !== "token" && <button type="button" class="link" onClick={go("token")}>Use an API token (local development)</button>}
    </nav>
  );
  return (
    <main class="signin">
      <h1>Callplane Settings</h1>
      {props.ended && <p class="callout callout-warning" role="alert">{props.ended}</p>}
      {view === "password" && <PasswordForm onSignedIn={props.onSignedIn} />}
      {view === "token" && <TokenForm prefillToken={props.prefillToken} onSignedIn={props.onSignedIn} />}
      {view === "signup" && props.allowSignup && <SignUpForm onSignedIn={props.onSignedIn} />}
      {view === "accept" && <AcceptForm onSignedIn={props.onSignedIn} />}
      {links}
    </main>
  );
}

/** Runs a sign-in attempt: busy state, the form's error and its field errors. */
function useAttempt(onSignedIn: (session: Session) => void, describe: (failure: unknown) => string = describeError) {
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const run = async (e: Event, attempt: () => Promise<Session>) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      onSignedIn(await attempt());
    } catch (failure) {
      setFields(fieldErrorsOf(failure));
      setError(describe(failure));
      setBusy(false);
    }
  };
  return { error, fields, busy, run };
}

function Form({ intro, onSubmit, error, busy, label, busyLabel, children }: { intro: ComponentChildren; onSubmit: (e: Event) => void; error: string | undefined; busy: boolean; label: string; busyLabel: string; children: ComponentChildren }) {
  return (
    <>
      <p>{intro}</p>
      <form onSubmit={onSubmit} noValidate>
        {children}
        <FormError message={error} />
        <button type="submit" class="primary" disabled={busy}>{busy ? busyLabel : label}</button>
      </form>
    </>
  );
}

function signInFailure(failure: unknown): string {
  if (failure instanceof RateLimitError) {
    const minutes = Math.max(1, Math.ceil((failure.retryAfterMs ?? 60_000) / 60_000));
    return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (failure instanceof AuthenticationError) return "The email or password is wrong.";
  return describeError(failure);
}

function PasswordForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { error, fields, busy, run } = useAttempt(onSignedIn, signInFailure);
  return (
    <Form intro="Sign in with the email and password of your Callplane account." error={error} busy={busy} label="Sign in" busyLabel="Signing in…"
      onSubmit={(e) => run(e, () => signInWithPassword(email, password))}>
      <TextField label="Email" type="email" value={email} onValue={setEmail} error={fields.email} autoComplete="username" required autoFocus />
      <TextField label="Password" type="password" value={password} onValue={setPassword} error={fields.password} autoComplete="current-password" required />
    </Form>
  );
}

function TokenForm({ prefillToken, onSignedIn }: { prefillToken: string | undefined; onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState(prefillToken ?? "");
  const { error, busy, run } = useAttempt(onSignedIn);
  return (
    <Form intro={<>Sign in with an API token or the tenant API key. The console is a client of this server's API like any other; changes made here are recorded with the source <code>console</code>.</>}
      error={error} busy={busy} label="Sign in" busyLabel="Signing in…" onSubmit={(e) => run(e, () => signIn(token))}>
      <TextField label="API token" type="password" value={token} onValue={setToken} autoComplete="off" spellcheck={false} required
        hint={prefillToken ? "Prefilled with this local server's bootstrap token (a development convenience of local mode)." : "A personal API token (cpt_…) or the tenant API key (cpk_…)."} />
    </Form>
  );
}

function SignUpForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [tenantName, setTenantName] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { error, fields, busy, run } = useAttempt(onSignedIn);
  return (
    <Form intro="Create a tenant. You become its admin; it starts with a default environment and the standard plan limit."
      error={error} busy={busy} label="Create tenant" busyLabel="Creating…"
      onSubmit={(e) => run(e, () => signUp({ tenantName: tenantName.trim(), name: name.trim(), email: email.trim(), password }))}>
      <TextField label="Tenant name" value={tenantName} onValue={setTenantName} error={fields.tenantName} required autoFocus hint="Your organisation, at least 3 characters." />
      <TextField label="Your name" value={name} onValue={setName} error={fields.name} autoComplete="name" required />
      <TextField label="Email" type="email" value={email} onValue={setEmail} error={fields.email} autoComplete="username" required />
      <TextField label="Password" type="password" value={password} onValue={setPassword} error={fields.password} autoComplete="new-password" required hint="8 to 128 characters." />
    </Form>
  );
}

function AcceptForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [secret, setSecret] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const { error, fields, busy, run } = useAttempt(onSignedIn);
  return (
    <Form intro="Join a tenant you were invited to: paste the invitation's secret, and choose your name and password."
      error={error} busy={busy} label="Accept and sign in" busyLabel="Accepting…"
      onSubmit={(e) => run(e, () => acceptInvitation({ secret: secret.trim(), name: name.trim(), password }))}>
      <TextField label="Invitation secret" type="password" value={secret} onValue={setSecret} error={fields.secret} autoComplete="off" spellcheck={false} required autoFocus hint="Starts with cpi_." />
      <TextField label="Your name" value={name} onValue={setName} error={fields.name} autoComplete="name" required />
      <TextField label="Password" type="password" value={password} onValue={setPassword} error={fields.password} autoComplete="new-password" required hint="8 to 128 characters. You sign in with it from now on." />
    </Form>
  );
}
