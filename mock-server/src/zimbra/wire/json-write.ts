import type { OutElement } from '../xml.ts';
import { BOOLEAN_ATTRS, JSON_SHAPES, type JsonShape, NUMBER_ATTRS } from './json-shapes.ts';

type JsonValue = string | number | boolean | JsonObject | JsonValue[];
interface JsonObject {
  [key: string]: JsonValue;
}

const EMPTY: JsonShape = {};

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const INTEGER = /^-?\d+$/;

/** An attribute value with the Java type Zimbra's handler gives it: a number, a boolean, or a string. */
function typed(key: string, value: string | number): JsonValue {
  if (NUMBER_ATTRS.has(key)) {
    if (typeof value === 'number') return value;
    if (INTEGER.test(value)) return Number(value);
  }
  if (BOOLEAN_ATTRS.has(key)) {
    const v = String(value).toLowerCase();
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
  }
  return typeof value === 'number' ? String(value) : value;
}

function textOf(node: OutElement): string | undefined {
  const children = node.children ?? [];
  if (children.some((c) => typeof c !== 'string')) return undefined;
  return children.join('');
}

function hasOnlyText(node: OutElement): boolean {
  return Object.keys(node.attrs ?? {}).every((k) => k === 'xmlns' || node.attrs?.[k] === undefined);
}

function keyValueObject(node: OutElement, element: string, key: string): JsonObject {
  const pairs: JsonObject = Object.create(null);
  for (const c of node.children ?? []) {
    if (typeof c === 'string' || localName(c.name) !== element) continue;
    const name = c.attrs?.[key];
    if (name === undefined) continue;
    const value = textOf(c) ?? '';
    const k = String(name);
    const existing = pairs[k];
    if (existing === undefined) pairs[k] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else pairs[k] = [existing, value];
  }
  return { _attrs: pairs };
}

/**
 * One element as Zimbra's JSONElement writes it: attributes as keys (typed), text as `_content`, children
 * as arrays by name (or objects, or `"name": value`, where {@link JSON_SHAPES} says so), and `_jsns` last,
 * only where the namespace differs from the parent's.
 */
export function elementToJson(node: OutElement, parentNs: string): JsonObject {
  const name = localName(node.name);
  const shape = JSON_SHAPES[name] ?? EMPTY;
  const out: JsonObject = {};
  let ns = parentNs;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined || key.startsWith('xmlns:')) continue;
    if (key === 'xmlns') ns = String(value);
    else out[key] = typed(key, value);
  }
  let text = '';
  for (const c of node.children ?? []) {
    if (typeof c === 'string') {
      text += c;
      continue;
    }
    const childName = localName(c.name);
    const kv = shape.keyValue?.[childName];
    if (kv !== undefined) {
      out[childName] = keyValueObject(c, kv.element, kv.key);
      continue;
    }
    const childText = textOf(c);
    if (shape.attributes?.includes(childName) && childText !== undefined && hasOnlyText(c)) {
      out[childName] = typed(childName, childText);
      continue;
    }
    const written = elementToJson(c, ns);
    if (shape.numericText?.includes(childName) && typeof written._content === 'string') {
      const n = written._content;
      if (INTEGER.test(n)) written._content = Number(n);
    }
    if (shape.unique?.includes(childName)) out[childName] = written;
    else {
      const list = out[childName];
      if (Array.isArray(list)) list.push(written);
      else out[childName] = [written];
    }
  }
  if (text !== '') out._content = text;
  if (ns !== parentNs) out._jsns = ns;
  return out;
}
