import { TransportError } from '../errors/transport-error.ts';

/**
 * The fetch option every Casella request carries: a 3xx is handed back instead of followed, so no
 * body, password or token is ever re-sent to another URL (fetch re-POSTs the body on 307/308, also
 * from `https://` to `http://`, and follows up to 20 hops).
 */
export const NO_REDIRECT = { redirect: 'manual' } as const satisfies RequestInit;

/** True for an HTTP status that asks the client to go elsewhere (300–399). */
export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status <= 399;
}

/**
 * Throws a TransportError naming the redirect's target when `response` is a 3xx; otherwise returns.
 * The body is discarded so the socket can be reused. The target is shown without credentials and
 * query (a server could echo a token there); it is never contacted.
 */
export async function refuseRedirect(response: Response, url: string): Promise<void> {
  if (!isRedirectStatus(response.status)) return;
  await response.body?.cancel().catch(() => undefined);
  const target = redirectTarget(response.headers.get('location'), url);
  throw new TransportError(
    `HTTP ${response.status} from ${safeUrl(url)} redirects to ${target ?? '(no Location)'}; redirects are not followed`,
    { status: response.status, ...(target === undefined ? {} : { location: target }) },
  );
}

function redirectTarget(location: string | null, base: string): string | undefined {
  if (location === null) return undefined;
  try {
    return safeUrl(new URL(location, base).href);
  } catch {
    return '(an invalid Location)';
  }
}

function safeUrl(href: string): string {
  try {
    const url = new URL(href);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}
