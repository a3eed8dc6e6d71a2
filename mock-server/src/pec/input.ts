import { type ErrorDetail, PecRefusal, validationFailed } from './refusal.ts';

/** Reads a JSON object body, or refuses with `400 VALIDATION_FAILED`. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw validationFailed([{ field: '(body)', rule: 'json', message: 'the body must be valid JSON' }]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationFailed([{ field: '(body)', rule: 'object', message: 'the body must be a JSON object' }]);
  }
  return value as Record<string, unknown>;
}

/** Picks required string members, listing every missing or mistyped one in a single 400. */
export function requireStrings<K extends string>(
  body: Record<string, unknown>,
  names: readonly K[],
): Record<K, string> {
  const details: ErrorDetail[] = [];
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = body[name];
    if (typeof value === 'string') out[name] = value;
    else if (value === undefined) details.push({ field: name, rule: 'required', message: 'is required' });
    else details.push({ field: name, rule: 'type', message: 'must be a string' });
  }
  if (details.length > 0) throw validationFailed(details);
  return out;
}

/** What `GET /v1/mailboxes` accepts: `q` (0..320 characters), `page` >= 1, `pageSize` 1..200. */
export function searchParameters(url: URL): { q: string; page: number; pageSize: number } {
  const details: ErrorDetail[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isNaN(n)) details.push({ field: name, rule: 'integer', message: 'must be a whole number' });
    else if (n < min) details.push({ field: name, rule: 'minimum', message: `must be at least ${min}` });
    else if (n > max) details.push({ field: name, rule: 'maximum', message: `must be at most ${max}` });
    return n;
  };
  const q = url.searchParams.get('q') ?? '';
  if (q.length > 320) details.push({ field: 'q', rule: 'maxLength', message: 'at most 320 characters' });
  const page = integer('page', 1, 1, 1_000_000);
  const pageSize = integer('pageSize', 50, 1, 200);
  if (details.length > 0) throw validationFailed(details);
  return { q: q.toLowerCase(), page, pageSize };
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The optional `Idempotency-Key` header: 1..255 visible ASCII characters. */
export function idempotencyKey(request: Request): string | undefined {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!KEY.test(key)) {
    throw validationFailed([
      { field: 'Idempotency-Key', rule: 'format', message: '1 to 255 visible ASCII characters' },
    ]);
  }
  return key;
}

/**
 * The `{mailbox}` path segment: a local part, or a full address inside the token's domain
 * (another domain is `403 FORBIDDEN_DOMAIN`). Returns the lower-cased local part.
 */
export function mailboxRef(segment: string, domain: string): string {
  let ref: string;
  try {
    ref = decodeURIComponent(segment).toLowerCase();
  } catch {
    throw validationFailed([{ field: 'mailbox', rule: 'format', message: 'malformed percent-encoding' }]);
  }
  const at = ref.lastIndexOf('@');
  if (at === -1) return ref;
  if (ref.slice(at + 1) !== domain) {
    throw new PecRefusal(403, 'FORBIDDEN_DOMAIN', `The address is outside ${domain}`, {
      details: [{ field: 'mailbox', rule: 'sameDomain', message: `only addresses @${domain}` }],
    });
  }
  return ref.slice(0, at);
}
