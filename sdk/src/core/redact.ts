/**
 * Keeps secrets out of messages and logs. Callplane secrets have recognisable prefixes
 * (`cpk_` API keys, `cpt_` API tokens, `cpi_` invitation secrets); bearer credentials and the
 * client's own token are masked too, whatever they look like.
 */
const SECRET_PATTERN = /\b(cp[kti])_[A-Za-z0-9_-]{6,}/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s",;]+/gi;

/** The masked form shown for a secret: its prefix and last four characters. */
export function maskSecret(secret: string): string {
  const prefix = /^(cp[kti])_/.exec(secret)?.[1] ?? "";
  return `${prefix ? `${prefix}_` : ""}…${secret.length > 8 ? secret.slice(-4) : ""}`;
}

export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join("[redacted]");
  }
  return result.replace(SECRET_PATTERN, (match) => maskSecret(match)).replace(BEARER_PATTERN, "$1[redacted]");
}

/**
 * An error safe to keep as a `cause`: the same when it holds no secret, else a copy (name, code,
 * message, stack and nested causes redacted). Node prints causes, so they must be clean too.
 */
export function redactedError(error: unknown, knownSecrets: readonly string[] = [], depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? redactSecrets(error, knownSecrets) : error;
  const message = redactSecrets(error.message, knownSecrets);
  const stack = error.stack === undefined ? undefined : redactSecrets(error.stack, knownSecrets);
  const cause = depth < 4 && "cause" in error ? redactedError(error.cause, knownSecrets, depth + 1) : undefined;
  if (message === error.message && stack === error.stack && cause === (error as { cause?: unknown }).cause) return error;
  const copy = new Error(message, cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = stack;
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
