// Filters typed by a user go into an LDAP search: every character with a meaning there is escaped.

/** Escapes a value for an LDAP filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL become `\2a` and so on. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\u0000]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A type to filter on: its COS id, and whether it is the domain's default (accounts without a COS have it). */
export interface CosClause {
  readonly id: string;
  readonly isDefault: boolean;
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
 * address (`mail`) or the display name, and-ed with a status and a type; undefined when nothing filters.
 */
export function mailboxFilterQuery(filter: string, status?: string, cos?: CosClause): string | undefined {
  const text = filter.trim();
  const v = `*${escapeFilterValue(text)}*`;
  const parts: string[] = [];
  if (status) parts.push(`(zimbraAccountStatus=${escapeFilterValue(status)})`);
  if (cos) {
    const id = `(zimbraCOSId=${escapeFilterValue(cos.id)})`;
    // An account without zimbraCOSId gets the domain's default COS, so it is of the default type too.
    parts.push(cos.isDefault ? `(|${id}(!(zimbraCOSId=*)))` : id);
  }
  if (text !== '') parts.push(`(|(uid=${v})(mail=${v})(displayName=${v}))`);
  if (parts.length <= 1) return parts[0];
  return `(&${parts.join('')})`;
}
