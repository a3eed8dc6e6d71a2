import type { WireElement } from './codec.ts';

/** Local name of a possibly prefixed XML name (`soap:Fault` → `Fault`). */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/**
 * A copy of an element with namespace prefixes removed from every key, so that a SOAP Fault reads
 * the same whether its children came as `soap:Code` (XML) or `Code` (JSON). Faults are small.
 */
export function withoutPrefixes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrefixes);
  if (value === null || typeof value !== 'object') return value;
  const out: WireElement = {};
  for (const [key, child] of Object.entries(value as WireElement)) {
    if (key.startsWith('xmlns')) continue;
    out[localName(key)] = withoutPrefixes(child);
  }
  return out;
}
