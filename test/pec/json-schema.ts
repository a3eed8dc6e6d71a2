/**
 * Just enough of JSON Schema 2020-12 and OpenAPI 3.1 to hold the mock and the SDK to
 * docs/pec-admin.openapi.yaml: `$ref` resolution, a validator for the keywords the document uses
 * (any other keyword is reported, so nothing passes unchecked), a structural check of the document,
 * and a comparison of a documented schema with an SDK zod schema's JSON Schema.
 */

type Node = Record<string, unknown>;

const ANNOTATIONS = ['description', 'examples', 'example', 'default', 'title', 'writeOnly', 'readOnly'];
const KEYWORDS = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  ...ANNOTATIONS,
]);
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The node a local `$ref` (`#/components/schemas/Mailbox`) points at, or undefined. */
export function pointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Follows `$ref`s until a node without one. */
export function deref(doc: unknown, node: unknown): Node {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    current = pointer(doc, current.$ref);
  }
  if (!isObject(current)) throw new Error('a $ref does not resolve to an object');
  return current;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Every way `value` breaks `schema`, one message each (empty when it conforms). Objects are closed:
 * a member the schema does not declare is reported, because the document must describe all of them.
 */
export function validate(doc: unknown, schema: unknown, value: unknown, at = '(body)'): string[] {
  const s = deref(doc, schema);
  const problems: string[] = [];
  const bad = (message: string) => problems.push(`${at}: ${message}`);
  for (const key of Object.keys(s)) if (!KEYWORDS.has(key)) bad(`unsupported keyword ${key}`);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      return [`${at}: expected ${types.join('|')}, got ${actual}`];
    }
  }
  if (s.const !== undefined && value !== s.const) bad(`expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) bad(`${JSON.stringify(value)} is not in the enum`);
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) bad(`below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) bad(`above ${s.maximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength) bad(`shorter than ${s.minLength}`);
    if (typeof s.maxLength === 'number' && length > s.maxLength) bad(`longer than ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
      bad(`does not match ${s.pattern}`);
    if (s.format === 'date-time' && !RFC3339.test(value)) bad('not an RFC 3339 date-time');
    else if (s.format === 'uri' && !URL.canParse(value)) bad('not an absolute URI');
    else if (s.format !== undefined && s.format !== 'date-time' && s.format !== 'uri') {
      bad(`unsupported format ${String(s.format)}`);
    }
  }
  if (isObject(value)) {
    const properties = isObject(s.properties) ? s.properties : {};
    for (const name of (s.required as string[] | undefined) ?? []) {
      if (!(name in value)) bad(`missing required member ${name}`);
    }
    for (const [name, member] of Object.entries(value)) {
      if (!(name in properties)) bad(`undocumented member ${name}`);
      else problems.push(...validate(doc, properties[name], member, `${at}.${name}`));
    }
  }
  if (Array.isArray(value) && s.items !== undefined) {
    value.forEach((item, i) => {
      problems.push(...validate(doc, s.items, item, `${at}[${i}]`));
    });
  }
  return problems;
}

/** Every `$ref` in a document, with where it sits. */
function refs(node: unknown, at: string, out: { ref: string; at: string }[] = []) {
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      refs(n, `${at}/${i}`, out);
    });
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push({ ref: value, at });
      else refs(value, `${at}/${key}`, out);
    }
  }
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATH_ITEM_KEYS = new Set([...METHODS, 'parameters', 'summary', 'description', 'servers', '$ref']);

/** What an OpenAPI 3.1 document must be to be usable: every problem found, empty when sound. */
export function openApiProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(doc)) return ['the document is not an object'];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi))
    problems.push('openapi must be 3.1.x');
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    problems.push('info needs a title and a version');
  }
  for (const { ref, at } of refs(doc, '#')) {
    if (!isObject(pointer(doc, ref))) problems.push(`${at}: $ref ${ref} does not resolve`);
  }
  const schemes =
    isObject(doc.components) && isObject(doc.components.securitySchemes)
      ? doc.components.securitySchemes
      : {};
  const checkSecurity = (security: unknown, at: string) => {
    for (const requirement of Array.isArray(security) ? security : []) {
      for (const name of Object.keys(requirement as Node)) {
        if (!(name in schemes)) problems.push(`${at}: unknown security scheme ${name}`);
      }
    }
  };
  checkSecurity(doc.security, '#/security');
  // A stray member (e.g. an unquoted comma in a YAML flow mapping) is not a schema keyword.
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const checkSchema = (schema: unknown, at: string): void => {
    if (!isObject(schema)) return void problems.push(`${at}: a schema must be an object`);
    for (const key of Object.keys(schema))
      if (!KEYWORDS.has(key)) problems.push(`${at}: unknown keyword ${key}`);
    for (const [name, member] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      checkSchema(member, `${at}/properties/${name}`);
    }
    if (schema.items !== undefined) checkSchema(schema.items, `${at}/items`);
  };
  for (const [name, schema] of Object.entries(schemas)) checkSchema(schema, `#/components/schemas/${name}`);
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!path.startsWith('/')) problems.push(`path ${path} must start with /`);
    if (!isObject(item)) continue;
    for (const key of Object.keys(item)) {
      if (!PATH_ITEM_KEYS.has(key)) problems.push(`${path}: unexpected member ${key}`);
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS.filter((m) => m in item)) {
      const op = item[method] as Node;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== 'string' || op.operationId === '')
        problems.push(`${where}: no operationId`);
      else if (ids.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
      else ids.add(op.operationId);
      const responses = isObject(op.responses) ? Object.entries(op.responses) : [];
      if (responses.length === 0) problems.push(`${where}: no responses`);
      for (const [code, response] of responses) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(code)) problems.push(`${where}: bad response key ${code}`);
        if (typeof deref(doc, response).description !== 'string')
          problems.push(`${where} ${code}: no description`);
      }
      const params = [
        ...((item.parameters as unknown[] | undefined) ?? []),
        ...((op.parameters as unknown[] | undefined) ?? []),
      ].map((p) => deref(doc, p));
      for (const p of params) {
        if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in as string)) {
          problems.push(`${where}: a parameter needs a name and a valid in`);
        }
        if (p.in === 'path' && (p.required !== true || !templated.includes(p.name as string))) {
          problems.push(`${where}: path parameter ${String(p.name)} must be required and in the template`);
        }
      }
      for (const name of templated) {
        if (!params.some((p) => p.in === 'path' && p.name === name))
          problems.push(`${where}: {${name}} is not declared`);
      }
      checkSecurity(op.security, where);
    }
  }
  return problems;
}

/** A schema reduced to what both sides must agree on: types, members, required members, enum, const. */
export interface Shape {
  readonly types: readonly string[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Shape>>;
  readonly items?: Shape;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
}

/** The Shape of a documented schema, or of a zod schema's `z.toJSONSchema` (nullable = anyOf with null). */
export function shapeOf(doc: unknown, schema: unknown): Shape {
  const s = deref(doc, schema);
  if (Array.isArray(s.anyOf)) {
    const parts = s.anyOf.map((p) => shapeOf(doc, p));
    const main = parts.find((p) => !p.types.includes('null')) ?? parts[0];
    return { ...main, types: [...new Set(parts.flatMap((p) => p.types))].sort() } as Shape;
  }
  const types = (Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]).filter(Boolean).sort();
  const properties = isObject(s.properties)
    ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, shapeOf(doc, v)]))
    : undefined;
  return {
    types,
    ...(Array.isArray(s.required) ? { required: [...(s.required as string[])].sort() } : {}),
    ...(properties === undefined ? {} : { properties }),
    ...(s.items === undefined ? {} : { items: shapeOf(doc, s.items) }),
    ...(Array.isArray(s.enum) ? { enum: [...s.enum].sort() } : {}),
    ...('const' in s ? { const: s.const } : {}),
  };
}

/**
 * Where the SDK's reading of an answer differs from the document: members, types, required members
 * and enums must be equal; a `const` of the SDK must be the document's (the SDK may accept more
 * values than a documented `const`, never fewer).
 */
export function shapeDifferences(documented: Shape, sdk: Shape, at: string): string[] {
  const out: string[] = [];
  if (documented.types.join('|') !== sdk.types.join('|')) {
    out.push(`${at}: type ${documented.types.join('|')} in the document, ${sdk.types.join('|')} in the SDK`);
  }
  if (JSON.stringify(documented.enum) !== JSON.stringify(sdk.enum)) out.push(`${at}: enums differ`);
  if ('const' in sdk && sdk.const !== documented.const)
    out.push(`${at}: the SDK requires ${String(sdk.const)}`);
  if (JSON.stringify(documented.required ?? []) !== JSON.stringify(sdk.required ?? [])) {
    out.push(`${at}: required ${documented.required} in the document, ${sdk.required} in the SDK`);
  }
  const names = new Set([...Object.keys(documented.properties ?? {}), ...Object.keys(sdk.properties ?? {})]);
  for (const name of names) {
    const d = documented.properties?.[name];
    const k = sdk.properties?.[name];
    if (d === undefined || k === undefined) out.push(`${at}.${name}: only in the ${d ? 'document' : 'SDK'}`);
    else out.push(...shapeDifferences(d, k, `${at}.${name}`));
  }
  if (documented.items !== undefined || sdk.items !== undefined) {
    if (documented.items === undefined || sdk.items === undefined) out.push(`${at}[]: items differ`);
    else out.push(...shapeDifferences(documented.items, sdk.items, `${at}[]`));
  }
  return out;
}
