// Filters typed by a user go into an LDAP search: every character with a meaning there is escaped.

/** Escapes a value for an LDAP filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL become `\2a` and so on. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\u0000]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * The SearchDirectory query for completing an address (tui-cmdline): local parts or addresses starting
 * with `prefix`, so the server answers a small page instead of the client reading the whole domain.
 */
export function addressPrefixQuery(prefix: string): string | undefined {
  const text = prefix.trim();
  if (text === '') return undefined;
  const v = `${escapeFilterValue(text)}*`;
  return `(|(uid=${v})(mail=${v}))`;
}

/**
 * The SearchDirectory query for a Mailboxes filter: the text anywhere in the local part (`uid`), the
 * address (`mail`) or the display name; undefined for an empty filter (every mailbox).
 */
export function mailboxFilterQuery(filter: string, status?: string): string | undefined {
  const text = filter.trim();
  const v = `*${escapeFilterValue(text)}*`;
  const byText = text === '' ? undefined : `(|(uid=${v})(mail=${v})(displayName=${v}))`;
  const byStatus = status ? `(zimbraAccountStatus=${escapeFilterValue(status)})` : undefined;
  if (byText && byStatus) return `(&${byStatus}${byText})`;
  return byText ?? byStatus;
}
