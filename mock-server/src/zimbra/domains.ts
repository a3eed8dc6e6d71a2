import { attrPairs, attrsForCreate, checkChangeValues, parseAttrChanges } from './attr-changes.ts';
import { requestedAttrs } from './attr-filter.ts';
import { gentime } from './attrs.ts';
import { adminCaller, boolField, type Handler, requiredField, selector } from './context.ts';
import { directoryFaults } from './directory-faults.ts';
import { encodeDomain } from './encode.ts';
import { faults } from './fault.ts';
import { can, requireRight } from './rights.ts';
import { el, scalar } from './xml.ts';

/** GetAllDomainsRequest: every domain a global admin sees; a delegated admin sees the ones it may list. */
export const getAllDomains: Handler = (_request, ctx) => {
  const caller = adminCaller(ctx);
  const domains = [...ctx.store.domains.values()]
    .filter((d) => can(ctx.grants, caller, 'domain', d.id, 'listDomain'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return { children: domains.map((d) => encodeDomain(d)) };
};

/**
 * GetDomainRequest: `<domain by="name|id|virtualHostname">`, `applyConfig` (default 1: domainInherited
 * values from the global config), `attrs="a,b"` (names not on a domain → INVALID_REQUEST). A missing domain is
 * `account.NO_SUCH_DOMAIN` for every admin, as in Zimbra.
 */
export const getDomain: Handler = (request, ctx) => {
  const applyConfig = boolField(request, 'applyConfig', true);
  const filter = requestedAttrs(scalar(request, 'attrs'), 'domain');
  const { by, key } = selector(request, 'domain');
  const domain = ctx.store.findDomain(by, key);
  // GetDomain checks PR_ALWAYS_ALLOW, then filters the attributes by the caller's getAttrs right: a delegated
  // admin without getDomain on it still learns the domain's name and id, with no attributes.
  if (!can(ctx.grants, adminCaller(ctx), 'domain', domain.id, 'getDomain')) {
    return { children: [encodeDomain({ ...domain, attrs: {} }, filter)] };
  }
  const attrs = applyConfig ? ctx.store.effectiveDomainAttrs(domain) : domain.attrs;
  return { children: [encodeDomain({ ...domain, attrs }, filter)] };
};

// A domain name as Zimbra's createDomain accepts it: labels of letters, digits and hyphens.
const DOMAIN_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * CreateDomainRequest: `<name>`, `<a n>`*. A global right; a taken name → `account.DOMAIN_EXISTS`. The new
 * domain is local and active unless the attributes say otherwise.
 */
export const createDomain: Handler = (request, ctx) => {
  if (adminCaller(ctx).kind !== 'global')
    throw faults.permDenied('need right: createTopDomain for global grant');
  const raw = requiredField(request, 'name', 'element');
  const name = raw.trim().toLowerCase();
  if (!DOMAIN_NAME.test(name)) throw faults.invalidRequest(`invalid domain name: ${raw}`);
  const attrs = attrsForCreate(attrPairs(request), 'domain');
  if (ctx.store.domainByName(name)) throw directoryFaults.domainExists(name);
  const cosId = attrs.zimbraDomainDefaultCOSId?.[0];
  if (cosId !== undefined && !ctx.store.coses.has(cosId)) throw faults.noSuchCos(cosId);
  const id = ctx.store.ids.uuid();
  const domain = {
    id,
    name,
    attrs: {
      ...attrs,
      objectClass: ['dcObject', 'organization', 'zimbraDomain', 'amavisAccount'],
      zimbraId: [id],
      zimbraDomainName: [name],
      zimbraDomainStatus: attrs.zimbraDomainStatus ?? ['active'],
      zimbraDomainType: attrs.zimbraDomainType ?? ['local'],
      zimbraCreateTimestamp: [gentime(new Date(ctx.store.now()))],
    },
  };
  ctx.store.addDomain(domain);
  return { children: [encodeDomain(domain)] };
};

/**
 * ModifyDomainRequest: `<id>`, `<a n>`*. Only global admins change the slot limits
 * (`zimbraDomainMaxAccounts`, `zimbraDomainCOSMaxAccounts` as `cosId:max`, one value per COS).
 */
export const modifyDomain: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const id = requiredField(request, 'id');
  const changes = parseAttrChanges(attrPairs(request), 'domain');
  const domain = ctx.store.domains.get(id);
  if (domain === undefined) throw faults.noSuchDomain(id);
  if (caller.kind !== 'global') throw faults.permDenied(`need right: modifyDomain for domain ${domain.name}`);
  checkChangeValues(changes);
  ctx.store.modifyDomain(domain, changes);
  return { children: [encodeDomain(domain)] };
};

/** CountAccountRequest: accounts of a domain per effective COS, any status; COSes with none are left out. */
export const countAccount: Handler = (request, ctx) => {
  const { by, key } = selector(request, 'domain');
  const domain = ctx.store.findDomain(by, key);
  requireRight(ctx.grants, adminCaller(ctx), 'domain', domain, 'countAccount');
  const children = [...ctx.store.countByCos(domain.name)]
    .filter(([, count]) => count > 0)
    .map(([cosId, count]) => {
      const cos = ctx.store.coses.get(cosId);
      return el('cos', { id: cosId, name: cos?.name ?? '' }, String(count));
    });
  return { children };
};
