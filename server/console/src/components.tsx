/** Building blocks every tab uses: fields, dialogs, notices, tables, secrets shown once. */
import type { ComponentChildren, JSX } from "preact";
import { createContext } from "preact";
import { useContext, useEffect, useId, useRef, useState } from "preact/hooks";
import { describeError } from "./session.js";

// ---------------------------------------------------------------------------- notices

export interface Notice {
  id: number;
  kind: "success" | "error";
  text: string;
}

export const NotifyContext = createContext<(kind: Notice["kind"], text: string) => void>(() => {});
export const useNotify = () => useContext(NotifyContext);

/** Announced by screen readers; errors assertively. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  return (
    <div class="notices">
      <div role="status" aria-live="polite">
        {notices.filter((n) => n.kind === "success").map((n) => <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} />)}
      </div>
      <div role="alert" aria-live="assertive">
        {notices.filter((n) => n.kind === "error").map((n) => <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} />)}
      </div>
    </div>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  return (
    <p class={`notice notice-${notice.kind}`}>
      <span>{notice.text}</span>
      <button type="button" class="link" onClick={() => onDismiss(notice.id)} aria-label="Dismiss">×</button>
    </p>
  );
}

/** A message in the page's flow, e.g. why a form is read-only or why a call failed. */
export function Callout({ kind = "info", children }: { kind?: "info" | "error" | "warning"; children: ComponentChildren }) {
  return <div class={`callout callout-${kind}`} role={kind === "error" ? "alert" : undefined}>{children}</div>;
}

// ---------------------------------------------------------------------------- fields

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "onInput" | "value" | "label"> & FieldProps & {
  value: string;
  onValue: (value: string) => void;
};

/** A labelled input with its hint and error, both tied to it for assistive technology. */
export function TextField({ label, error, hint, value, onValue, ...rest }: InputProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

type SelectProps = Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value" | "label"> & FieldProps & {
  value: string;
  options: readonly (string | { value: string; label: string })[];
  onValue: (value: string) => void;
};

export function SelectField({ label, error, hint, value, options, onValue, ...rest }: SelectProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy} {...rest}>
        {options.map((o) => (typeof o === "string" ? <option key={o} value={o}>{o}</option> : <option key={o.value} value={o.value}>{o.label}</option>))}
      </select>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function CheckboxField({ label, checked, onValue, hint, disabled }: { label: string; checked: boolean; onValue: (checked: boolean) => void; hint?: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div class="field field-check">
      <input type="checkbox" id={id} checked={checked} disabled={disabled} onChange={(e) => onValue(e.currentTarget.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** Errors that belong to no field of the form (or to the form as a whole). */
export function FormError({ message }: { message: string | undefined }) {
  return message ? <p class="form-error" role="alert">{message}</p> : null;
}

// ---------------------------------------------------------------------------- dialogs

/**
 * A modal dialog (the native `<dialog>`: focus moves in, Escape closes, the page behind is
 * inert). Focus returns to where it was when it closes.
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={wide ? "dialog-wide" : undefined}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div class="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="icon" onClick={onClose} aria-label="Close">×</button>
      </div>
      {children}
    </dialog>
  );
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  /** When set, the person must type this text before the button works. */
  typeToConfirm?: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const armed = props.typeToConfirm === undefined || typed === props.typeToConfirm;
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!armed || busy) return;
          setBusy(true);
          setError(undefined);
          try {
            await props.onConfirm();
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure));
            setBusy(false);
          }
        }}
      >
        <div class="dialog-body">
          {props.children}
          {props.typeToConfirm !== undefined && (
            <TextField label={`Type ${props.typeToConfirm} to confirm`} value={typed} onValue={setTyped} autoComplete="off" spellcheck={false} autoFocus />
          )}
          <FormError message={error} />
        </div>
        <div class="dialog-actions">
          <button type="button" onClick={props.onClose}>Cancel</button>
          <button type="submit" class={props.danger ? "danger" : "primary"} disabled={!armed || busy}>{props.confirmLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}

/** A secret the API returns once (a new API key, an invitation secret), with a copy button. */
export function SecretDialog({ title, label, secret, children, onClose }: { title: string; label: string; secret: string; children?: ComponentChildren; onClose: () => void }) {
  const labelId = useId();
  return (
    <Dialog title={title} onClose={onClose}>
      <div class="dialog-body">
        {children}
        <label class="secret-label" for={labelId}>{label}</label>
        <div class="secret">
          <input id={labelId} class="secret-value" readOnly value={secret} spellcheck={false} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={secret} />
        </div>
        <Callout kind="warning">This is the only time it is shown. Treat it like a password: store it in a secret manager.</Callout>
      </div>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={onClose}>Done</button>
      </div>
    </Dialog>
  );
}

export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState("copied");
        } catch {
          setState("failed");
        }
      }}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select and copy it" : "Copy"}
      <span class="visually-hidden" aria-live="polite">{state === "copied" ? " to the clipboard" : ""}</span>
    </button>
  );
}

// ---------------------------------------------------------------------------- data

/** Loads data for a tab; `reload()` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: string | undefined; loading: boolean; reload: () => Promise<void> } {
  const [state, setState] = useState<{ data: T | undefined; error: string | undefined; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const latest = useRef(0);
  const reload = async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await load();
      if (ticket === latest.current) setState({ data, error: undefined, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, error: describeError(error), loading: false }));
    }
  };
  useEffect(() => {
    void reload();
  }, deps);
  return { ...state, reload };
}

export function Loading({ what }: { what: string }) {
  return <p class="loading" aria-busy="true">Loading {what}…</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
