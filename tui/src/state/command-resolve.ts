import { findCommand } from './command-commands.ts';
import type { Want } from './command-line.ts';
import { errorMessage, type Message } from './message.ts';
import type { Screen } from './screen.ts';
import type { Env } from './screen-base.ts';
import { activityScreen } from './screens/activity.ts';
import { changeMyPasswordScreen } from './screens/change-my-password.ts';
import { dashboardScreen } from './screens/dashboard.ts';
import { domainsScreen } from './screens/domains.ts';
import { mailboxScreen } from './screens/mailbox.ts';
import { mailboxesScreen } from './screens/mailboxes.ts';
import { pecLoginScreen } from './screens/pec-login.ts';
import { profilesScreen } from './screens/profiles.ts';

/** Where a command line goes. */
export type Resolution =
  /** Keep the first `keep` screens of the stack (Home at least), then push `screens`. */
  | { readonly kind: 'jump'; readonly keep: number; readonly screens: readonly Screen[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'need'; readonly want: Want }
  | { readonly kind: 'error'; readonly message: Message };

/** What resolving may use: the stack, the session, and the domain names when already read. */
export interface ResolveCtx {
  readonly stack: readonly Screen[];
  readonly env: Env;
  readonly domains: readonly string[] | null;
  readonly contextDomain: string | null;
}

/** The domain of the nearest screen (from the top) that has one, or null. */
export function contextDomainOf(stack: readonly Screen[]): string | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i];
    if (s && 'domain' in s && typeof s.domain === 'string') return s.domain;
  }
  return null;
}

/**
 * Resolves a typed line to a navigation. The stack is the one a user would have built by hand
 * (Home › Domains › example.com › Mailboxes), so Esc goes back the usual way; screens already on the
 * stack in the same place are kept (their cursor and loaded rows too).
 */
export function resolveCommand(text: string, ctx: ResolveCtx): Resolution {
  const [name = '', ...args] = text.trim().split(/\s+/);
  const spec = findCommand(name);
  if (!spec) return { kind: 'error', message: errorMessage('command.unknown', { command: name }) };
  const command = name.toLowerCase();
  if (spec.arg === 'none' && args.length > 0)
    return { kind: 'error', message: errorMessage('command.noArgument', { command }) };
  if (args.length > 1) return { kind: 'error', message: errorMessage('command.unknown', { command: text }) };
  const arg = args[0];
  switch (spec.name) {
    case 'home':
      return chain(ctx, []);
    case 'domains':
      return chain(ctx, [domainsScreen()]);
    case 'pec': {
      // Already logged in to PEC: back to its home, not a second login.
      const at = ctx.stack.findIndex((s) => s.kind === 'pecHome' || s.kind === 'pecLogin');
      return at > 0 ? chain(ctx, ctx.stack.slice(1, at + 1)) : chain(ctx, [pecLoginScreen(ctx.env)]);
    }
    case 'password':
      return chain(ctx, [changeMyPasswordScreen()]);
    case 'activity':
      return chain(ctx, [activityScreen()]);
    case 'profiles':
      return chain(ctx, [profilesScreen()]);
    case 'help':
      return { kind: 'help' };
    case 'quit':
      return { kind: 'quit' };
    case 'domain':
    case 'mailboxes': {
      const domain = arg?.toLowerCase() ?? (spec.name === 'mailboxes' ? ctx.contextDomain : null);
      if (!domain) return { kind: 'error', message: errorMessage('command.needDomain', { command }) };
      const known = knownDomain(ctx, domain);
      if (known !== true) return known;
      const dashboard = [domainsScreen(), dashboardScreen(domain)];
      return chain(ctx, spec.name === 'domain' ? dashboard : [...dashboard, mailboxesScreen(domain)]);
    }
    case 'mailbox': {
      if (!arg) return { kind: 'error', message: errorMessage('command.needAddress', { command }) };
      const at = arg.lastIndexOf('@');
      const domain = arg.slice(at + 1).toLowerCase();
      if (at <= 0 || domain === '')
        return { kind: 'error', message: errorMessage('command.badAddress', { address: arg }) };
      const known = knownDomain(ctx, domain);
      if (known !== true) return known;
      const address = `${arg.slice(0, at)}@${domain}`;
      return chain(ctx, [
        domainsScreen(),
        dashboardScreen(domain),
        mailboxesScreen(domain),
        mailboxScreen(domain, address),
      ]);
    }
  }
}

function knownDomain(ctx: ResolveCtx, domain: string): true | Resolution {
  if (!ctx.domains) return { kind: 'need', want: { kind: 'domains' } };
  if (ctx.domains.includes(domain)) return true;
  return { kind: 'error', message: errorMessage('command.noDomain', { domain }) };
}

/** Which screen a stack place holds: same kind, domain and address are the same place. */
function placeOf(s: Screen): string {
  const domain = 'domain' in s && typeof s.domain === 'string' ? s.domain : '';
  const address = 'address' in s && typeof s.address === 'string' ? s.address : '';
  return `${s.kind}\u0000${domain}\u0000${address}`;
}

/** Home and then `wanted`, keeping the screens of the current stack that already match. */
function chain(ctx: ResolveCtx, wanted: readonly Screen[]): Resolution {
  let same = 0;
  while (same < wanted.length) {
    const have = ctx.stack[same + 1];
    const want = wanted[same];
    if (!have || !want || placeOf(have) !== placeOf(want)) break;
    same++;
  }
  return { kind: 'jump', keep: 1 + same, screens: wanted.slice(same) };
}
