import type { AttrMap } from './attrs.ts';
import { attrsWithFlag } from './catalogue.ts';

// Names by inheritance flag, computed once from the catalogue.
const ACCOUNT_INHERITED = attrsWithFlag('accountInherited').map((i) => i.name);
const ACCOUNT_COS_DOMAIN_INHERITED = attrsWithFlag('accountCosDomainInherited').map((i) => i.name);
const DOMAIN_INHERITED = attrsWithFlag('domainInherited').map((i) => i.name);
const SERVER_INHERITED = attrsWithFlag('serverInherited').map((i) => i.name);

function pick(into: AttrMap, from: AttrMap, names: readonly string[]): void {
  for (const name of names) {
    const values = from[name];
    if (values !== undefined && into[name] === undefined) into[name] = values;
  }
}

/**
 * What an account inherits when it does not set a value itself (Account.getAttrs with defaults):
 * accountInherited attributes from its COS; accountCosDomainInherited ones from its COS, else its domain.
 */
export function accountDefaults(cos: AttrMap, domain: AttrMap | undefined): AttrMap {
  const out: AttrMap = {};
  pick(out, cos, ACCOUNT_INHERITED);
  pick(out, cos, ACCOUNT_COS_DOMAIN_INHERITED);
  if (domain !== undefined) pick(out, domain, ACCOUNT_COS_DOMAIN_INHERITED);
  return out;
}

/** What a domain inherits from the global configuration (domainInherited, GetDomain applyConfig). */
export function domainDefaults(config: AttrMap): AttrMap {
  const out: AttrMap = {};
  pick(out, config, DOMAIN_INHERITED);
  return out;
}

/** What a server inherits from the global configuration (serverInherited, GetServer applyConfig). */
export function serverDefaults(config: AttrMap): AttrMap {
  const out: AttrMap = {};
  pick(out, config, SERVER_INHERITED);
  return out;
}
