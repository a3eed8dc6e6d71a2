/** What stands in for a secret wherever one would be shown. */
export const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of the given secrets in a text. Used on anything that may reach an
 * error message or a log (a fault's reason, a proxy's error page), because a server may echo input.
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
