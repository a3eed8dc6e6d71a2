import { CasellaError, isPecApiError, type PecMailbox, PecPostmaster } from '@casella/sdk';
import type { PecService } from './session.ts';
import type { PecDomainInfo, PecMailboxRow } from './types.ts';

/** Where the PEC panel lives and how to trust it. */
export interface PecTarget {
  readonly url: string;
  readonly ca?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

function row(m: PecMailbox): PecMailboxRow {
  return {
    address: m.address,
    localPart: m.localPart,
    role: m.role,
    status: m.status,
    usedBytes: m.quota.usedBytes,
    limitBytes: m.quota.limitBytes,
    capabilities: m.capabilities,
  };
}

/** The PEC screens' operations; the postmaster client is created by `login` and kept in memory only. */
export function pecService(target: PecTarget): PecService {
  let client: PecPostmaster | null = null;
  const connection = () => ({
    url: target.url,
    ...(target.ca ? { ca: target.ca } : {}),
    ...(target.timeoutMs ? { timeoutMs: target.timeoutMs } : {}),
  });
  const pec = (): PecPostmaster => {
    if (!client) throw new CasellaError('NOT_LOGGED_IN', 'log in to the PEC panel first');
    return client;
  };
  const domainInfo = async (): Promise<PecDomainInfo> => {
    const d = await pec().domain();
    return { name: d.name, status: d.status, mailboxCount: d.mailboxCount, mailboxLimit: d.mailboxLimit };
  };
  return {
    async login(username, password) {
      const next = await PecPostmaster.login({ ...connection(), username, password });
      await client?.logout().catch(() => undefined);
      client = next;
    },
    domain: domainInfo,
    async rules() {
      const p = await pec().passwordPolicy();
      return {
        minLength: p.minLength,
        maxLength: p.maxLength,
        ...(p.requireUpper ? { minUpper: 1 } : {}),
        ...(p.requireLower ? { minLower: 1 } : {}),
        ...(p.requireDigit ? { minDigits: 1 } : {}),
        ...(p.requireSpecial ? { minSpecial: 1 } : {}),
        allowedSpecials: p.allowedSpecials,
      };
    },
    async create(localPart, password, passwordConfirm) {
      await pec().mailboxes.create({ localPart, password, passwordConfirm });
    },
    async search(q) {
      const rows: PecMailboxRow[] = [];
      for await (const m of pec().mailboxes.search({ pageSize: 200, ...(q ? { q } : {}) })) rows.push(row(m));
      return rows;
    },
    async nameCheck(localPart) {
      const taken = pec()
        .mailboxes.get(localPart)
        .then(
          () => true,
          (error: unknown) => {
            if (isPecApiError(error, 'MAILBOX_NOT_FOUND')) return false;
            throw error;
          },
        );
      const [isTaken, domain] = await Promise.all([taken, domainInfo()]);
      return { taken: isTaken, domain };
    },
    get: async (localPart) => row(await pec().mailboxes.get(localPart)),
    async changePassword(localPart, password, passwordConfirm) {
      await pec().mailboxes.changePassword(localPart, { password, passwordConfirm });
    },
    async changeOwnPassword(currentPassword, password, passwordConfirm) {
      const me = pec();
      // pec-admin v1's PUT asks for no current password: a fresh login with it proves it (decision 0070).
      // A wrong one fails here with INVALID_CREDENTIALS and nothing is changed.
      const proof = await PecPostmaster.login({
        ...connection(),
        username: me.address,
        password: currentPassword,
      });
      await proof.logout().catch(() => undefined);
      // The SDK remembers the new password for the session's own re-login (it is the session's address).
      await me.mailboxes.changePassword(me.address, { password, passwordConfirm });
    },
    resetPassword: async (localPart) => (await pec().mailboxes.resetPassword(localPart)).temporaryPassword,
    async deleteWarning(localPart) {
      const w = await pec().mailboxes.prepareDelete(localPart);
      return {
        confirmWith: w.confirmWith,
        details: w.warnings.map((d) => ({ rule: d.rule ?? '', message: d.message })),
      };
    },
    delete: (localPart, confirm) => pec().mailboxes.delete(localPart, { confirm }),
    async logout() {
      const current = client;
      client = null;
      await current?.logout();
    },
  };
}
