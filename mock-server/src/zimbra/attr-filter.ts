import { allowedOn, attrInfo, type EntryClass } from './catalogue.ts';
import { faults } from './fault.ts';

/**
 * The `attrs="a,b"` list of a Get request as lower-case names (undefined = every attribute). A name that is
 * not an attribute of that kind of entry is refused as AdminDocumentHandler.getReqAttrs does:
 * `service.INVALID_REQUEST "requested attribute <a> is not on <class>"`.
 */
export function requestedAttrs(value: string | undefined, klass: EntryClass): Set<string> | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  for (const n of names) {
    const info = attrInfo(n);
    if (info === undefined || !allowedOn(info, klass)) {
      throw faults.invalidRequest(`requested attribute ${n} is not on ${klass}`);
    }
  }
  return new Set(names.map((n) => n.toLowerCase()));
}
