import { readFileSync } from 'node:fs';
import { PecPostmaster, ZimbraAdmin } from '@casella/sdk';
import { createProfileStore } from '../../services/profile-store.ts';
import type { Profile } from '../../services/types.ts';
import { promptPassword } from '../prompt-password.ts';
import { LoginFailed, UsageError } from './cli-errors.ts';
import type { StdinLines } from './stdin-lines.ts';

/** Who acts where: the journal's `server` and `admin`. */
export interface Actor {
  readonly server: string;
  readonly admin: string;
}

/** What a login needs from the command line and the environment. */
export interface ConnectionSource {
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadStream;
  readonly lines: StdinLines;
  /** The prompt for a password on a terminal, already translated. */
  readonly prompt: (user: string) => string;
}

function text(flags: ConnectionSource['flags'], name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The saved profile named by `--profile`, read-only; a missing one is a usage error naming the others. */
export function profileOf(flags: ConnectionSource['flags']): Profile | undefined {
  const name = text(flags, 'profile');
  if (name === undefined) return undefined;
  const store = createProfileStore();
  const profile = store.get(name);
  if (!profile) {
    const names = store
      .list()
      .map((p) => p.name)
      .join(', ');
    throw new UsageError('error.noProfile', { name, names: names || '-' });
  }
  return profile;
}

/**
 * The admin's password: `CASELLA_PASSWORD` (or `envName`), else the first line of stdin with
 * `--password-stdin`, else a hidden prompt when stdin is a terminal. Never argv.
 */
async function loginPassword(source: ConnectionSource, user: string, envNames: readonly string[]) {
  for (const name of envNames) {
    const v = source.env[name];
    if (v) return v;
  }
  if (source.flags['password-stdin'] === true) {
    const line = await source.lines.next();
    if (line) return line;
    throw new UsageError('error.emptyStdin');
  }
  if (source.stdin.isTTY) return promptPassword(source.prompt(user), source.stdin);
  throw new UsageError('error.needsPassword');
}

function caOf(source: ConnectionSource, profile: Profile | undefined): { ca?: string } {
  const file = text(source.flags, 'ca') ?? profile?.ca;
  return file ? { ca: readFileSync(file, 'utf8') } : {};
}

/** Logs in to Zimbra as `--user` on `--url` (or the profile's). */
export async function loginZimbra(source: ConnectionSource): Promise<{ admin: ZimbraAdmin; actor: Actor }> {
  const profile = profileOf(source.flags);
  const url = text(source.flags, 'url') ?? profile?.url;
  if (!url) throw new UsageError('error.needsUrl');
  const user = text(source.flags, 'user') ?? profile?.user;
  if (!user) throw new UsageError('error.needsUser');
  const ca = caOf(source, profile);
  const password = await loginPassword(source, user, ['CASELLA_PASSWORD']);
  try {
    // JSON SOAP: every Zimbra since 8 serves it, and it halves the client's CPU per row of an import
    // (bench/bulk-client-cost.ts). The TUI stays on XML, so both wires serve a real user.
    const admin = await ZimbraAdmin.login({ url, username: user, password, wire: 'json', ...ca });
    return { admin, actor: { server: new URL(url).host, admin: user } };
  } catch (error) {
    throw new LoginFailed(url, error);
  }
}

/** Logs in to the pec-admin API as `--pec-user`; the URL is `--pec-url`, the profile's, or `--url` + `/pec`. */
export async function loginPec(source: ConnectionSource): Promise<{ pec: PecPostmaster; actor: Actor }> {
  const profile = profileOf(source.flags);
  const base = text(source.flags, 'url') ?? profile?.url;
  const url =
    text(source.flags, 'pec-url') ??
    profile?.pecUrl ??
    (base ? `${base.replace(/\/+$/, '')}/pec` : undefined);
  if (!url) throw new UsageError('error.needsPecUrl');
  const user = text(source.flags, 'pec-user');
  if (!user) throw new UsageError('error.needsPecUser');
  const ca = caOf(source, profile);
  const password = await loginPassword(source, user, ['CASELLA_PEC_PASSWORD', 'CASELLA_PASSWORD']);
  try {
    const pec = await PecPostmaster.login({ url, username: user, password, ...ca });
    return { pec, actor: { server: new URL(url).host, admin: pec.address } };
  } catch (error) {
    throw new LoginFailed(url, error);
  }
}
