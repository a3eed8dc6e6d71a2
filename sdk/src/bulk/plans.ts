import { CasellaError, isZimbraFault } from '../errors/index.ts';
import { type Account, type BatchItem, type BatchResult, zimbraBatch } from '../zimbra/index.ts';
import { attrOf, differences } from './compare.ts';
import type { Job, Step } from './job.ts';
import type { BulkOperation } from './outcomes.ts';
import { isUnclear } from './retry.ts';

// Zimbra refuses a dead token before it dispatches the request: nothing happened, sending again is safe.
const REAUTH = new Set(['service.AUTH_EXPIRED', 'service.AUTH_REQUIRED']);

/** How one operation turns a row into writes and reads the answers. */
export interface Plan {
  readonly operation: BulkOperation;
  /** Pre-flight's verdict given the account found at the row's address: write, or an outcome now. */
  verdict(job: Job, found: Account | undefined): Step | 'write';
  /** The batch items of one attempt. */
  items(job: Job): BatchItem<unknown>[];
  /** Reads the batch results of one attempt (in the order of `items`). */
  answered(job: Job, results: readonly BatchResult<unknown>[]): Step;
  /** Decides from the directory after an unclear answer. */
  readBack(job: Job, found: Account | undefined): Step;
}

function noSuchAccount(address: string): CasellaError {
  return new CasellaError('account.NO_SUCH_ACCOUNT', `no such account: ${address}`);
}

/** The common reading of a failed item: lost-token refusals are retried, unclear ones read back. */
function failure(error: CasellaError): Step {
  if (isZimbraFault(error) && REAUTH.has(error.code)) return { kind: 'retry', error };
  if (error.code === 'BATCH_SKIPPED') return { kind: 'retry', error };
  if (isUnclear(error)) return { kind: 'unclear', error };
  return { kind: 'done', outcome: 'refused', error };
}

function first(results: readonly BatchResult<unknown>[]): BatchResult<unknown> {
  return (
    results[0] ?? { ok: false, skipped: true, error: new CasellaError('BATCH_SKIPPED', 'no answer for item') }
  );
}

const create: Plan = {
  operation: 'create',
  verdict(job, found) {
    if (found === undefined) return 'write';
    const diff = differences(job.row, found, job.cos);
    // A resumed run whose journal shows this row's write was sent made the account itself.
    if (diff.length === 0) return { kind: 'done', outcome: job.uncertain ? 'created' : 'alreadyPresent' };
    return { kind: 'done', outcome: 'conflict', differences: diff };
  },
  items(job) {
    const { row } = job;
    const attrs: Record<string, string> = {};
    if (row.status !== undefined) attrs.zimbraAccountStatus = row.status;
    if (job.mustChange) attrs.zimbraPasswordMustChange = 'TRUE';
    return [
      zimbraBatch.createAccount(
        {
          name: row.address,
          password: job.password ?? '',
          ...(row.givenName === undefined ? {} : { givenName: row.givenName }),
          ...(row.sn === undefined ? {} : { sn: row.sn }),
          ...(row.displayName === undefined ? {} : { displayName: row.displayName }),
          ...(job.cos.rowCosId === undefined ? {} : { cos: job.cos.rowCosId }),
          ...(row.quotaBytes === undefined ? {} : { quotaBytes: row.quotaBytes }),
          ...(Object.keys(attrs).length === 0 ? {} : { attrs }),
        },
        // Pre-flight checked the password against the type's policy already.
        { policy: false },
      ),
    ];
  },
  answered(_job, results) {
    const r = first(results);
    if (r.ok) return { kind: 'done', outcome: 'created' };
    // Someone (maybe this run, through a lost answer) created it since pre-flight: look before deciding.
    if (isZimbraFault(r.error, 'account.ACCOUNT_EXISTS')) return { kind: 'unclear', error: r.error };
    return failure(r.error);
  },
  readBack(job, found) {
    if (found === undefined) return { kind: 'retry' };
    const diff = differences(job.row, found, job.cos);
    if (diff.length > 0) return { kind: 'done', outcome: 'conflict', differences: diff };
    return { kind: 'done', outcome: job.uncertain ? 'created' : 'alreadyPresent' };
  },
};

const modify: Plan = {
  operation: 'modify',
  verdict(job, found) {
    if (found === undefined) {
      return { kind: 'done', outcome: 'refused', error: noSuchAccount(job.row.address) };
    }
    if (differences(job.row, found, job.cos).length > 0) return 'write';
    return { kind: 'done', outcome: job.uncertain ? 'updated' : 'unchanged' };
  },
  items(job) {
    const { row } = job;
    const id = (job.account as Account).id;
    return [
      zimbraBatch.modifyAccount(id, {
        ...(row.givenName === undefined ? {} : { givenName: row.givenName }),
        ...(row.sn === undefined ? {} : { sn: row.sn }),
        ...(row.displayName === undefined ? {} : { displayName: row.displayName }),
        ...(row.status === undefined ? {} : { status: row.status }),
        ...(job.cos.rowCosId === undefined ? {} : { cos: job.cos.rowCosId }),
        ...(row.quotaBytes === undefined ? {} : { quotaBytes: row.quotaBytes }),
      }),
    ];
  },
  answered(_job, results) {
    const r = first(results);
    return r.ok ? { kind: 'done', outcome: 'updated' } : failure(r.error);
  },
  readBack(job, found) {
    if (found === undefined) {
      return { kind: 'done', outcome: 'refused', error: noSuchAccount(job.row.address) };
    }
    return differences(job.row, found, job.cos).length === 0
      ? { kind: 'done', outcome: 'updated' }
      : { kind: 'retry' };
  },
};

const setPassword: Plan = {
  operation: 'setPassword',
  verdict(job, found) {
    if (found === undefined) {
      return { kind: 'done', outcome: 'refused', error: noSuchAccount(job.row.address) };
    }
    return 'write';
  },
  items(job) {
    const id = (job.account as Account).id;
    const flag = job.mustChange
      ? [zimbraBatch.modifyAccount(id, { attrs: { zimbraPasswordMustChange: 'TRUE' } })]
      : [];
    if (job.passwordSet) return flag;
    return [zimbraBatch.setPassword(id, job.password ?? '', { policy: false }), ...flag];
  },
  answered(job, results) {
    let rest = results;
    if (!job.passwordSet) {
      const r = first(results);
      // With password history on, a replay of a set that did happen is refused as recently used.
      const replayed = !r.ok && job.uncertain && isZimbraFault(r.error, 'account.PASSWORD_RECENTLY_USED');
      if (!r.ok && !replayed) return failure(r.error);
      job.passwordSet = true;
      rest = results.slice(1);
    }
    if (!job.mustChange) return { kind: 'done', outcome: 'updated' };
    const flag = first(rest);
    if (flag.ok) return { kind: 'done', outcome: 'updated' };
    const step = failure(flag.error);
    return step.kind === 'done' ? step : { kind: 'retry', error: flag.error };
  },
  readBack(job, found) {
    if (found === undefined) {
      return { kind: 'done', outcome: 'refused', error: noSuchAccount(job.row.address) };
    }
    const before = job.account === undefined ? undefined : attrOf(job.account, 'zimbraPasswordModifiedTime');
    if (!job.passwordSet && attrOf(found, 'zimbraPasswordModifiedTime') === before) return { kind: 'retry' };
    job.passwordSet = true;
    const flagged = attrOf(found, 'zimbraPasswordMustChange')?.toUpperCase() === 'TRUE';
    if (job.mustChange && !flagged) return { kind: 'retry' };
    return { kind: 'done', outcome: 'updated' };
  },
};

const remove: Plan = {
  operation: 'delete',
  verdict(job, found) {
    if (found !== undefined) return 'write';
    return { kind: 'done', outcome: job.uncertain ? 'deleted' : 'absent' };
  },
  items(job) {
    return [zimbraBatch.deleteAccount((job.account as Account).id)];
  },
  answered(job, results) {
    const r = first(results);
    if (r.ok) return { kind: 'done', outcome: 'deleted' };
    if (isZimbraFault(r.error, 'account.NO_SUCH_ACCOUNT')) {
      return { kind: 'done', outcome: job.uncertain ? 'deleted' : 'absent' };
    }
    return failure(r.error);
  },
  readBack(job, found) {
    if (found === undefined) return { kind: 'done', outcome: job.uncertain ? 'deleted' : 'absent' };
    return found.id === job.account?.id ? { kind: 'retry' } : { kind: 'done', outcome: 'deleted' };
  },
};

/** The plan of each operation. */
export const PLANS: Readonly<Record<BulkOperation, Plan>> = {
  create,
  modify,
  setPassword,
  delete: remove,
};
