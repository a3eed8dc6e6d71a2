import { isZimbraFault } from '../errors/guards.ts';
import { parseInput } from '../validate.ts';
import { CosRef, DomainName, NonNegativeInt } from './inputs.ts';
import type { Lookups } from './lookups.ts';
import { OPERATIONS } from './operations.ts';
import type { Cos, Domain, DomainStatus } from './schemas.ts';
import type { AdminSession, CallOptions } from './session.ts';

/** Slots of one mailbox type (COS) in a domain. `max`/`free` are null when the type has no limit. */
export interface TypeCapacity {
  readonly cos: { readonly id: string; readonly name: string };
  readonly used: number;
  readonly max: number | null;
  readonly free: number | null;
}

/** What the panel's domain dashboard shows: status and mailbox slots per type and in total. */
export interface DomainCapacity {
  readonly domain: string;
  readonly status: DomainStatus | undefined;
  readonly types: readonly TypeCapacity[];
  readonly total: { readonly used: number; readonly max: number | null; readonly free: number | null };
}

function byName(domain: string) {
  return { domain: { '@_by': 'name', '#text': domain } };
}

/** Domain operations: `admin.domains`. */
export class Domains {
  readonly #session: AdminSession;
  readonly #lookups: Lookups;

  constructor(session: AdminSession, lookups: Lookups) {
    this.#session = session;
    this.#lookups = lookups;
  }

  /**
   * Every domain this admin may see, with its status and limits.
   * @throws ZimbraFault `service.PERM_DENIED`.
   * @example
   * for (const d of await admin.domains.list()) console.log(d.name, d.status);
   */
  async list(options: CallOptions = {}): Promise<Domain[]> {
    return this.#session.call(OPERATIONS.getAllDomains, {}, [], options);
  }

  /**
   * One domain by name.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_DOMAIN`, `service.PERM_DENIED`.
   * @example
   * const { status } = await admin.domains.get('example.com');
   */
  async get(name: string, options: CallOptions = {}): Promise<Domain> {
    return this.#session.call(
      OPERATIONS.getDomain,
      byName(parseInput(DomainName, name, 'name')),
      [],
      options,
    );
  }

  /**
   * Mailbox slots per type: COSes limited by `zimbraDomainCOSMaxAccounts` plus COSes that have accounts
   * there, counted with CountAccount (all statuses count, as in Zimbra's own check). A type's `free` is
   * also capped by the domain's free total (`zimbraDomainMaxAccounts`), since both limits apply.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_DOMAIN`, `service.PERM_DENIED`.
   * @example
   * const cap = await admin.domains.capacity('example.com');
   * const pro = cap.types.find((t) => t.cos.name === 'Professional'); // { used: 10, max: 10, free: 0 }
   */
  async capacity(name: string, options: CallOptions = {}): Promise<DomainCapacity> {
    const domainName = parseInput(DomainName, name, 'name');
    const [domain, counts] = await Promise.all([
      this.#session.call(OPERATIONS.getDomain, byName(domainName), [], options),
      this.#session.call(OPERATIONS.countAccount, byName(domainName), [], options),
    ]);
    const names = new Map<string, string>(counts.map((c) => [c.id, c.name]));
    const unnamed = domain.cosLimits.filter((l) => !names.has(l.cosId));
    if (unnamed.length > 0) for (const cos of await this.#cosList(options)) names.set(cos.id, cos.name);
    const used = new Map(counts.map((c) => [c.id, c.count]));
    const totalUsed = counts.reduce((sum, c) => sum + c.count, 0);
    const totalMax = domain.maxAccounts ?? null;
    const totalFree = totalMax === null ? null : Math.max(0, totalMax - totalUsed);
    const limits = new Map(domain.cosLimits.map((l) => [l.cosId, l.max]));
    const ids = [...new Set([...limits.keys(), ...used.keys()])];
    const types = ids.map((id): TypeCapacity => {
      const max = limits.get(id) ?? null;
      const u = used.get(id) ?? 0;
      const own = max === null ? null : Math.max(0, max - u);
      const free = own === null ? null : totalFree === null ? own : Math.min(own, totalFree);
      return { cos: { id, name: names.get(id) ?? id }, used: u, max, free };
    });
    types.sort((a, b) => a.cos.name.localeCompare(b.cos.name));
    return {
      domain: domain.name,
      status: domain.status,
      types,
      total: { used: totalUsed, max: totalMax, free: totalFree },
    };
  }

  /**
   * Sets how many mailboxes of one type (COS name or id) the domain may hold ("buy mailboxes"): rewrites
   * `zimbraDomainCOSMaxAccounts` with this COS's value replaced and every other COS's value kept.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_DOMAIN`, `account.NO_SUCH_COS`, `service.PERM_DENIED`
   *   (a domain admin cannot raise its own limits).
   * @example
   * await admin.domains.setTypeLimit('example.com', 'Professional', 15);
   */
  async setTypeLimit(name: string, cos: string, max: number, options: CallOptions = {}): Promise<Domain> {
    const domainName = parseInput(DomainName, name, 'name');
    const cosRef = parseInput(CosRef, cos, 'cos');
    const limit = parseInput(NonNegativeInt, max, 'max');
    const [domain, cosId] = await Promise.all([
      this.get(domainName, options),
      this.#lookups.cosId(cosRef, options),
    ]);
    const others = domain.cosLimits.filter((l) => l.cosId.toLowerCase() !== cosId.toLowerCase());
    const values = [...others.map((l) => `${l.cosId}:${l.max}`), `${cosId}:${limit}`];
    return this.#session.call(
      OPERATIONS.modifyDomain,
      {
        id: domain.id,
        a: values.map((v) => ({ '@_n': 'zimbraDomainCOSMaxAccounts', '#text': v })),
      },
      [],
      options,
    );
  }

  async #cosList(options: CallOptions): Promise<Cos[]> {
    try {
      return await this.#session.call(OPERATIONS.getAllCos, {}, [], options);
    } catch (error) {
      // A domain admin may lack listCos; the COS id then stands in for its name.
      if (isZimbraFault(error, 'service.PERM_DENIED')) return [];
      throw error;
    }
  }
}
