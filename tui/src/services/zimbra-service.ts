import {
  type Account,
  isZimbraFault,
  type PasswordPolicy,
  type QuotaUsage,
  type ZimbraAdmin,
  zimbraBatch,
} from '@casella/sdk';
import { mailboxFilterQuery } from './ldap-filter.ts';
import type { ZimbraService } from './session.ts';
import type { MailboxRow, MailboxSortColumn, PasswordRules, QuotaSummary, TypeSlots } from './types.ts';

/** The attribute SearchDirectory sorts by for each sortable column (the type by its COS id: grouped). */
const SORT_ATTR: Readonly<Record<MailboxSortColumn, string>> = {
  address: 'name',
  name: 'displayName',
  type: 'zimbraCOSId',
  status: 'zimbraAccountStatus',
};

/** Only what the Mailboxes table shows: a page of 100 accounts stays a few KB on any domain. */
const TABLE_ATTRS = [
  'displayName',
  'givenName',
  'sn',
  'zimbraCOSId',
  'zimbraAccountStatus',
  'zimbraMailQuota',
];

/** Usage rows the dashboard sums at most: one GetQuotaUsage page, so a 100,000-mailbox domain stays fast. */
const DASHBOARD_USAGE_ROWS = 500;

/** Maps a Zimbra policy onto the rules the live checklist shows. */
function zimbraRules(policy: PasswordPolicy): PasswordRules {
  const c = policy.rules.counts;
  const rules: Record<string, number> = {};
  const put = (key: keyof PasswordRules, value: number | undefined) => {
    if (value) rules[key] = value;
  };
  put('minLength', c.zimbraPasswordMinLength);
  put('maxLength', c.zimbraPasswordMaxLength);
  put('minUpper', c.zimbraPasswordMinUpperCaseChars);
  put('minLower', c.zimbraPasswordMinLowerCaseChars);
  put('minDigits', c.zimbraPasswordMinNumericChars);
  put('minSpecial', c.zimbraPasswordMinPunctuationChars);
  return rules as PasswordRules;
}

/** The first `max` items of an async iterable; later pages are never fetched. */
async function take<T>(items: AsyncIterable<T>, max: number): Promise<T[]> {
  const out: T[] = [];
  if (max <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

function summary(usage: readonly QuotaUsage[], mailboxes: number): QuotaSummary {
  const limited = usage.filter((u) => u.limitBytes > 0);
  return {
    usedBytes: usage.reduce((sum, u) => sum + u.usedBytes, 0),
    limitBytes: limited.reduce((sum, u) => sum + u.limitBytes, 0),
    unlimited: usage.length - limited.length,
    counted: usage.length,
    mailboxes: Math.max(mailboxes, usage.length),
  };
}

/** One attribute as a list (Zimbra sends multi-valued attributes as repeated `<a n>`). */
function attrList(a: Account, name: string): string[] {
  const v = a.attrs[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}

/** Zimbra's generalized time (`20261201094500Z`, maybe with `.000`) as ISO 8601, or null. */
function generalizedTime(value: string | undefined): string | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(value) : null;
  if (!m) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

function fullName(a: Account): string {
  return a.displayName ?? [a.givenName, a.sn].filter(Boolean).join(' ');
}

/** The Zimbra screens' operations over a logged-in admin client. */
export function zimbraService(admin: ZimbraAdmin): ZimbraService {
  let globalAdmin: Promise<boolean> | undefined;
  const isGlobalAdmin = () => {
    globalAdmin ??= admin.accounts.get(admin.username).then(
      (a) => a.isAdmin,
      () => false,
    );
    return globalAdmin;
  };
  const cosNames = async (): Promise<Map<string, string>> => {
    try {
      return new Map((await admin.cos.list()).map((c) => [c.id, c.name]));
    } catch (error) {
      // A domain admin may not list COSes: ids then stand in for names.
      if (isZimbraFault(error, 'service.PERM_DENIED')) return new Map();
      throw error;
    }
  };
  const slots = async (domain: string): Promise<TypeSlots[]> => {
    const cap = await admin.domains.capacity(domain);
    return cap.types.map((t) => ({
      cosId: t.cos.id,
      cosName: t.cos.name,
      used: t.used,
      max: t.max,
      free: t.free,
    }));
  };

  // COS names and the domain's default COS, read with a view's first page and reused by the pages after it.
  const tableLookups = new Map<string, Promise<{ names: Map<string, string>; defaultCos: string }>>();
  const lookupsFor = (domain: string, fresh: boolean) => {
    let found = tableLookups.get(domain);
    if (found === undefined || fresh) {
      // A domain admin may not list COSes; the domain's own capacity still names the types it limits.
      found = Promise.all([cosNames(), admin.domains.get(domain), slots(domain).catch(() => [])]).then(
        ([names, info, typeSlots]) => ({
          names: new Map([...typeSlots.map((t): [string, string] => [t.cosId, t.cosName]), ...names]),
          defaultCos: info.defaultCosId ?? '',
        }),
      );
      const mine = found;
      // A failed read is not cached: the next page asks again.
      mine.catch(() => tableLookups.get(domain) === mine && tableLookups.delete(domain));
      tableLookups.set(domain, found);
    }
    return found;
  };

  // The panel's types are the limited ones plus the domain's default; the admins' COS stays out.
  const panelTypes = async (domain: string): Promise<TypeSlots[]> => {
    const [all, info] = await Promise.all([slots(domain), admin.domains.get(domain)]);
    const limited = all.filter((t) => t.max !== null || t.cosId === info.defaultCosId);
    return limited.length > 0 ? limited : all;
  };

  return {
    async domains() {
      return (await admin.domains.list()).map((d) => ({ name: d.name, status: d.status ?? 'unknown' }));
    },
    async dashboard(domain) {
      const [cap, usage] = await Promise.all([
        admin.domains.capacity(domain),
        take(admin.quota.usage({ domain, pageSize: DASHBOARD_USAGE_ROWS }), DASHBOARD_USAGE_ROWS),
      ]);
      return {
        domain: cap.domain,
        status: cap.status ?? 'unknown',
        types: cap.types.map((t) => ({
          cosId: t.cos.id,
          cosName: t.cos.name,
          used: t.used,
          max: t.max,
          free: t.free,
        })),
        total: cap.total,
        quota: summary(usage, cap.total.used),
      };
    },
    async mailboxPage({ domain, filter, offset, limit, sort = 'address', ascending = true, status }) {
      const query = mailboxFilterQuery(filter, status);
      const first = offset === 0;
      // Sorting goes to the server (sortBy/sortAscending): a 100,000-row domain is never copied here.
      const order = { sortBy: SORT_ATTR[sort], sortAscending: ascending };
      const [page, lookups, domainTotal] = await Promise.all([
        admin.accounts.page({
          domain,
          offset,
          limit,
          attrs: TABLE_ATTRS,
          ...order,
          ...(query ? { query } : {}),
        }),
        lookupsFor(domain, first),
        // The title's "of N" is the whole domain: counted once per filter, on its first page.
        first && query ? admin.accounts.count({ domain }) : Promise.resolve(null),
      ]);
      // Usage only for this page: one BatchRequest of GetMailbox, never the domain's whole quota report.
      const sizes =
        page.accounts.length === 0
          ? []
          : await admin.batch(page.accounts.map((a) => zimbraBatch.getMailbox(a.id)));
      const rows = page.accounts.map((a, i): MailboxRow => {
        const cosId = a.cosId ?? lookups.defaultCos;
        const size = sizes[i];
        return {
          address: a.name,
          name: fullName(a),
          type: lookups.names.get(cosId) ?? cosId,
          status: a.status ?? 'unknown',
          usedBytes: size?.ok ? size.value.sizeBytes : null,
          limitBytes: a.quotaBytes ?? 0,
        };
      });
      return { offset, rows, total: page.total, domainTotal: query ? domainTotal : page.total };
    },
    async newMailboxSetup(domain) {
      const [typeSlots, info, global] = await Promise.all([
        panelTypes(domain),
        admin.domains.get(domain),
        isGlobalAdmin(),
      ]);
      const policies = await Promise.all(typeSlots.map((t) => admin.passwordPolicy({ cos: t.cosName })));
      const rules = Object.fromEntries(
        typeSlots.map((t, i) => [t.cosName, policies[i] ? zimbraRules(policies[i]) : {}]),
      );
      const defaultType =
        typeSlots.find((t) => t.cosId === info.defaultCosId)?.cosName ?? typeSlots[0]?.cosName ?? '';
      return { slots: typeSlots, rules, defaultType, globalAdmin: global };
    },
    async createMailbox({ address, password, type, givenName, sn }) {
      const displayName = [givenName, sn].filter(Boolean).join(' ');
      await admin.accounts.create({
        name: address,
        password,
        cos: type,
        ...(givenName ? { givenName } : {}),
        ...(sn ? { sn } : {}),
        ...(displayName ? { displayName } : {}),
      });
    },
    async addressTaken(address) {
      try {
        await admin.accounts.get(address);
        return true;
      } catch (error) {
        if (isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')) return false;
        // A domain admin may not read every address: the create itself will tell.
        if (isZimbraFault(error, 'service.PERM_DENIED')) return null;
        throw error;
      }
    },
    async holder(address) {
      const a = await admin.accounts.get(address);
      return { givenName: a.givenName ?? '', sn: a.sn ?? '', type: a.cosId ?? '' };
    },
    async rename(address, givenName, sn) {
      await admin.accounts.modify(address, {
        givenName,
        sn,
        displayName: [givenName, sn].filter(Boolean).join(' '),
      });
    },
    async rulesFor(address) {
      return zimbraRules(await admin.passwordPolicy(address));
    },
    async setPassword(address, password, mustChange) {
      await admin.accounts.setPassword(address, password, { mustChange });
    },
    quota: (address) => admin.quota.of(address),
    deleteMailbox: (address) => admin.accounts.delete(address),
    async buySetup(domain) {
      const [typeSlots, global] = await Promise.all([panelTypes(domain), isGlobalAdmin()]);
      return { slots: typeSlots, globalAdmin: global };
    },
    async setTypeLimit(domain, type, max) {
      await admin.domains.setTypeLimit(domain, type, max);
    },
    async detail(address) {
      const a = await admin.accounts.get(address);
      const domain = a.name.split('@')[1] ?? '';
      const [lookups, size] = await Promise.all([
        lookupsFor(domain, false),
        admin.batch([zimbraBatch.getMailbox(a.id)]).then(([r]) => (r?.ok ? r.value.sizeBytes : null)),
      ]);
      const cosId = a.cosId ?? lookups.defaultCos;
      return {
        address: a.name,
        name: fullName(a),
        type: lookups.names.get(cosId) ?? cosId,
        status: a.status ?? 'unknown',
        usedBytes: size,
        limitBytes: a.quotaBytes ?? 0,
        aliases: a.aliases.filter((x) => x !== a.name),
        forwardTo: [...a.forwarding.addresses],
        forwardingAllowed: a.forwarding.enabled !== false,
        createdAt: a.createdAt ? a.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
        lastLogin: generalizedTime(attrList(a, 'zimbraLastLogonTimestamp')[0]),
      };
    },
    async setStatus(address, status) {
      await admin.accounts.setStatus(address, status);
    },
    async changeType(address, type) {
      await admin.accounts.modify(address, { cos: type });
    },
    async renameAddress(address, newAddress) {
      await admin.accounts.rename(address, newAddress);
    },
    async setForwarding(address, to, allowed) {
      await admin.accounts.setForwarding(address, { addresses: to, enabled: allowed });
    },
    async addAlias(address, alias) {
      await admin.accounts.addAlias(address, alias);
    },
    async removeAlias(address, alias) {
      await admin.accounts.removeAlias(address, alias);
    },
    async setQuota(address, bytes) {
      await admin.accounts.modify(address, { quotaBytes: bytes });
    },
  };
}
