import { isCasellaError, isValidationError } from '@casella/sdk';
import type { JournalEntry, JournalStore } from '../journal/index.ts';
import type { Request } from '../state/requests.ts';
import type { Env } from '../state/screen-base.ts';

/** What one TUI change is called in the journal, the same names the CLI writes. */
interface Described {
  readonly operation: string;
  readonly target: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

const STATUS_VERB = { active: 'accounts.unlock', locked: 'accounts.lock', closed: 'accounts.close' } as const;

/**
 * The journal's name for a request that changes something on a server, or undefined for reads and
 * local-only changes (profiles, PEC login/logout). Built field by field from what is safe to keep:
 * a password never has a field to travel in.
 */
export function describeChange(req: Request): Described | undefined {
  switch (req.op) {
    case 'createMailbox':
      return { operation: 'accounts.create', target: req.address, detail: { type: req.type } };
    case 'rename':
      return { operation: 'accounts.modify', target: req.address, detail: { field: 'name' } };
    case 'setPassword':
      return { operation: 'accounts.passwd', target: req.address, detail: { mustChange: req.mustChange } };
    case 'deleteMailbox':
      return { operation: 'accounts.delete', target: req.address };
    case 'setTypeLimit':
      return { operation: 'domains.set-limit', target: req.domain, detail: { type: req.type, max: req.max } };
    case 'changeMyPassword':
      return { operation: 'account.passwd', target: req.address };
    case 'setStatus':
      return { operation: STATUS_VERB[req.status], target: req.address };
    case 'changeType':
      return { operation: 'accounts.modify', target: req.address, detail: { type: req.type } };
    case 'renameAddress':
      return { operation: 'accounts.rename', target: req.address, detail: { newAddress: req.newAddress } };
    case 'setForwarding':
      return {
        operation: 'accounts.modify',
        target: req.address,
        detail: { field: 'forwarding', to: req.to.join(','), allowed: req.allowed },
      };
    case 'addAlias':
      return { operation: 'accounts.alias.add', target: req.address, detail: { alias: req.alias } };
    case 'removeAlias':
      return { operation: 'accounts.alias.remove', target: req.address, detail: { alias: req.alias } };
    case 'setQuota':
      return { operation: 'accounts.modify', target: req.address, detail: { quota: req.bytes } };
    case 'pecCreate':
      return { operation: 'pec.mailboxes.create', target: req.localPart };
    case 'pecChangePassword':
      return { operation: 'pec.mailboxes.passwd', target: req.localPart };
    case 'pecOwnPassword':
      return { operation: 'pec.mailboxes.passwd', target: req.address, detail: { own: true } };
    case 'pecReset':
      return { operation: 'pec.mailboxes.reset', target: req.localPart };
    case 'pecDelete':
      return { operation: 'pec.mailboxes.delete', target: req.localPart };
    default:
      return undefined;
  }
}

/**
 * Runs one request and, when it changes something on a server, appends its outcome to the journal:
 * the one place every TUI change passes through, so none is left out. The journal failing to write
 * (a full disk) never turns a done change into an error on screen.
 */
export async function journaled<T>(
  journal: JournalStore | undefined,
  env: Env,
  req: Request,
  run: () => Promise<T>,
): Promise<T> {
  const change = journal ? describeChange(req) : undefined;
  if (!journal || !change) return run();
  const entry = (outcome: JournalEntry['outcome'], code?: string): JournalEntry => ({
    time: new Date().toISOString(),
    server: env.server,
    admin: env.user,
    operation: change.operation,
    target: change.target,
    outcome,
    ...(code ? { code } : {}),
    ...(change.detail ? { detail: change.detail } : {}),
  });
  const append = (e: JournalEntry) => {
    try {
      journal.append(e);
    } catch {
      // The change itself is what the user asked for; a journal that cannot be written does not undo it.
    }
  };
  try {
    const result = await run();
    append(entry('ok'));
    return result;
  } catch (error) {
    const code = isCasellaError(error) ? error.code : undefined;
    append(entry(isValidationError(error) ? 'refused' : 'failed', code));
    throw error;
  }
}
