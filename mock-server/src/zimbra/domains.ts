import { attrPairs, checkChangeValues, parseAttrChanges } from './attr-changes.ts';
import { adminCaller, type Handler, requiredField, selector } from './context.ts';
import { attrsFilter, encodeDomain } from './encode.ts';
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

/** GetDomainRequest: `<domain by="name|id">`, `attrs="a,b"`. */
export const getDomain: Handler = (request, ctx) => {
  const { by, key } = selector(request, 'domain');
  const domain = ctx.store.findDomain(by, key);
  requireRight(ctx.grants, adminCaller(ctx), 'domain', domain, 'getDomain');
  return { children: [encodeDomain(domain, attrsFilter(scalar(request, 'attrs')))] };
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
