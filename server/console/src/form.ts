/** What every form shares: errors on fields, one message for the rest, and a busy flag. */
import { useState } from "preact/hooks";
import { describeError, fieldErrorsOf } from "./session.js";

export type FieldErrors = Record<string, string>;

/** Field errors from the SDK's validators (`validate(schemas.X, value)`), keyed by path. */
export function checkedErrors(checked: { ok: true } | { ok: false; fieldErrors: readonly { path: string; message: string }[] }): FieldErrors {
  return checked.ok ? {} : Object.fromEntries(checked.fieldErrors.map((f) => [f.path, f.message]));
}

/**
 * `submit(found, action)` shows `found` on the fields, or else runs `action`. When the API
 * refuses, its field errors go to those of `inlineFields` the form shows; anything else (or a
 * problem without fields) goes to `formError`.
 */
export function useFormSubmit(inlineFields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (found: FieldErrors, action: () => Promise<void>): Promise<void> => {
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    try {
      await action();
    } catch (failure) {
      const fields = fieldErrorsOf(failure);
      setErrors(fields);
      setFormError(Object.keys(fields).some((path) => inlineFields.includes(path)) ? undefined : describeError(failure));
      setBusy(false);
    }
  };
  return { errors, formError, busy, setBusy, submit };
}
