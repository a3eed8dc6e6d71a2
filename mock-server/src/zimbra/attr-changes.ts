import { canonicalAttr, checkAttrValue, isImmutable, isMultiValued, requireKnownAttr } from './attrs.ts';
import type { EntryClass } from './catalogue.ts';
import { faults } from './fault.ts';
import type { XmlElement } from './xml.ts';

/** One attribute change of a Modify request: replace all values (none = delete), add or remove some. */
export interface AttrChange {
  readonly name: string;
  readonly op: 'replace' | 'add' | 'remove';
  readonly values: readonly string[];
}

/** The `<a n="…">value</a>` pairs of a request, in order. */
export function attrPairs(request: XmlElement): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const c of request.children) {
    if (c.name !== 'a') continue;
    const n = c.attrs.n;
    if (n === undefined || n === '') throw faults.invalidRequest('missing required attribute: n');
    pairs.push([n, c.text]);
  }
  return pairs;
}

/**
 * Groups `<a>` pairs into changes as Zimbra's modify does: plain `n` replaces (an empty value deletes),
 * `+n` adds, `-n` removes; mixing plain and prefixed forms of one attribute is refused.
 */
export function parseAttrChanges(
  pairs: ReadonlyArray<readonly [string, string]>,
  klass: EntryClass = 'account',
): AttrChange[] {
  const plain = new Map<string, string[]>();
  const added = new Map<string, string[]>();
  const removed = new Map<string, string[]>();
  for (const [raw, value] of pairs) {
    const prefix = raw[0] === '+' || raw[0] === '-' ? raw[0] : '';
    const name = requireKnownAttr(prefix ? raw.slice(1) : raw, klass);
    const target = prefix === '+' ? added : prefix === '-' ? removed : plain;
    const values = target.get(name) ?? [];
    values.push(value);
    target.set(name, values);
  }
  const changes: AttrChange[] = [];
  for (const [name, values] of plain) {
    if (added.has(name) || removed.has(name)) {
      throw faults.invalidRequest("can't mix +attrName/-attrName with attrName");
    }
    changes.push({ name, op: 'replace', values: values.filter((v) => v !== '') });
  }
  for (const [name, values] of added) changes.push({ name, op: 'add', values });
  for (const [name, values] of removed) changes.push({ name, op: 'remove', values });
  for (const change of changes) {
    if (isImmutable(change.name)) throw faults.invalidRequest(`${change.name} is immutable`);
    if (change.op === 'replace' && change.values.length > 1 && !isMultiValued(change.name)) {
      throw faults.permDenied(`can not modify ${change.name}(single valued attribute)`);
    }
  }
  return changes;
}

/** Checks the values a change list writes against the attributes' types (`account.INVALID_ATTR_VALUE`). */
export function checkChangeValues(changes: readonly AttrChange[]): void {
  for (const change of changes) {
    if (change.op !== 'remove') for (const v of change.values) checkAttrValue(change.name, v);
  }
}

/** Applies changes to an attribute map in place. */
export function applyAttrChanges(attrs: Record<string, string[]>, changes: readonly AttrChange[]): void {
  for (const { name, op, values } of changes) {
    const key = canonicalAttr(name) ?? name;
    const current = attrs[key] ?? [];
    let next: string[];
    if (op === 'replace') next = [...values];
    else if (op === 'add') next = [...current, ...values.filter((v) => !current.includes(v))];
    else next = current.filter((v) => !values.includes(v));
    if (next.length === 0) delete attrs[key];
    else attrs[key] = next;
  }
}

/** The new single value a change list gives an attribute: undefined when untouched, '' when removed. */
export function newSingleValue(changes: readonly AttrChange[], name: string): string | undefined {
  const change = changes.find((c) => c.name === name);
  if (change === undefined) return undefined;
  if (change.op === 'remove') return '';
  return change.values[0] ?? '';
}

/**
 * The attributes of a Create request as an entry's map: names resolved for the entry's class, immutable ones
 * refused, values checked, empty values ignored, a single-valued attribute given twice refused.
 */
export function attrsForCreate(
  pairs: ReadonlyArray<readonly [string, string]>,
  klass: EntryClass,
): Record<string, string[]> {
  const attrs: Record<string, string[]> = {};
  for (const [raw, value] of pairs) {
    if (value === '') continue;
    if (isImmutable(raw)) throw faults.invalidRequest(`${canonicalAttr(raw)} is immutable`);
    const name = requireKnownAttr(raw, klass);
    checkAttrValue(name, value);
    const values = attrs[name] ?? [];
    values.push(value);
    attrs[name] = values;
  }
  for (const [name, values] of Object.entries(attrs)) {
    if (values.length > 1 && !isMultiValued(name)) {
      throw faults.permDenied(`can not modify ${name}(single valued attribute)`);
    }
  }
  return attrs;
}
