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
