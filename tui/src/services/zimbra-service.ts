import { type Account, isZimbraFault, type PasswordPolicy, type ZimbraAdmin } from '@casella/sdk';
import type { ZimbraService } from './session.ts';
import type { MailboxRow, PasswordRules, TypeSlots } from './types.ts';

/** Maps a Zimbra policy onto the rules the live checklist shows. */
export function zimbraRules(policy: PasswordPolicy): PasswordRules {
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

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
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
        collect(admin.quota.usage({ domain, pageSize: 500 })),
      ]);
      const limited = usage.filter((u) => u.limitBytes > 0);
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
        quota: {
          usedBytes: usage.reduce((sum, u) => sum + u.usedBytes, 0),
          limitBytes: limited.reduce((sum, u) => sum + u.limitBytes, 0),
          unlimited: usage.length - limited.length,
        },
      };
    },
    async mailboxes(domain) {
      const [accounts, usage, names, info] = await Promise.all([
        collect(admin.accounts.search({ domain, pageSize: 1000 })),
        collect(admin.quota.usage({ domain, pageSize: 1000 })),
        cosNames(),
        admin.domains.get(domain),
      ]);
      const used = new Map(usage.map((u) => [u.name, u]));
      return accounts.map((a): MailboxRow => {
        const cosId = a.cosId ?? info.defaultCosId ?? '';
        const u = used.get(a.name);
        return {
          address: a.name,
          name: fullName(a),
          type: names.get(cosId) ?? cosId,
          status: a.status ?? 'unknown',
          usedBytes: u?.usedBytes ?? 0,
          limitBytes: u?.limitBytes ?? a.quotaBytes ?? 0,
        };
      });
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
    async setPassword(address, password) {
      await admin.accounts.setPassword(address, password);
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
  };
}
