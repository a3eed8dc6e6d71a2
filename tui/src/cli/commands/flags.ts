import type { Backend, FlagSpec } from './spec.ts';

/** Flags every command takes. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'json', type: 'boolean', help: 'flag.json' },
  { name: 'lang', type: 'string', value: 'it|en', choices: ['it', 'en'], help: 'flag.lang' },
  { name: 'no-journal', type: 'boolean', help: 'flag.noJournal' },
  { name: 'help', type: 'boolean', help: 'flag.help' },
];

/** How to reach Zimbra: a profile, or the server and the admin. */
export const ZIMBRA_FLAGS: readonly FlagSpec[] = [
  { name: 'profile', type: 'string', value: 'NAME', help: 'flag.profile' },
  { name: 'url', type: 'string', value: 'URL', help: 'flag.url' },
  { name: 'user', type: 'string', value: 'ADMIN', help: 'flag.user' },
  { name: 'ca', type: 'string', value: 'FILE', file: true, help: 'flag.ca' },
  { name: 'password-stdin', type: 'boolean', help: 'flag.passwordStdin' },
];

/** How to reach the pec-admin API: a profile or --pec-url (else `--url` + `/pec`), and the postmaster. */
export const PEC_FLAGS: readonly FlagSpec[] = [
  { name: 'profile', type: 'string', value: 'NAME', help: 'flag.profile' },
  { name: 'url', type: 'string', value: 'URL', help: 'flag.url' },
  { name: 'pec-url', type: 'string', value: 'URL', help: 'flag.pecUrl' },
  { name: 'pec-user', type: 'string', value: 'POSTMASTER', help: 'flag.pecUser' },
  { name: 'ca', type: 'string', value: 'FILE', file: true, help: 'flag.ca' },
  { name: 'password-stdin', type: 'boolean', help: 'flag.passwordStdin' },
];

/** Where a new password comes from (never argv). */
export const NEW_PASSWORD_FLAGS: readonly FlagSpec[] = [
  { name: 'new-password-stdin', type: 'boolean', help: 'flag.newPasswordStdin' },
  { name: 'generate', type: 'boolean', help: 'flag.generate' },
  { name: 'password-file', type: 'string', value: 'FILE', file: true, help: 'flag.passwordFile' },
];

/** Every flag a command accepts: its own, then the connection flags of its backend, then the common ones. */
export function allFlags(own: readonly FlagSpec[], backend: Backend): FlagSpec[] {
  const connection = backend === 'zimbra' ? ZIMBRA_FLAGS : backend === 'pec' ? PEC_FLAGS : [];
  const seen = new Set<string>();
  return [...own, ...connection, ...COMMON_FLAGS].filter((f) => !seen.has(f.name) && seen.add(f.name));
}
