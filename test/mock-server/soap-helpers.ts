// Raw SOAP over real HTTP for the Zimbra mock tests. Deliberately independent of the SDK.
import { type MockServer, type MockServerOptions, startMockServer } from '@casella/mock-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const DEMO_PASSWORD = 'Casella-Demo-1!';
export const ADMIN = 'admin@example.com';
export const DOMAIN_ADMIN = 'domainadmin@example.com';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
/** The demo seed's fixed ids (deterministic across resets). */
export const STANDARD = '3f1c2b9e-5a47-4d3e-9b21-6c1d0e5a7f01';
export const PROFESSIONAL = '8a2d4c6e-1b3f-4a5d-8e7f-9c0b1d2e3f02';
export const EXAMPLE_ID = '5b7e9d1f-2c4a-4e6b-8d0f-1a3c5e7b9d11';

/** A mock over real HTTP, live for one `describe` block. */
export interface LiveMock {
  readonly mock: MockServer;
  /** A global admin's token (with `adminToken`): a fresh one each test when `resetEach`, else one per block. */
  readonly token: string;
}

/**
 * Starts a mock (the demo seed unless told) before the block and closes it after; with `resetEach` every
 * test starts from the seed, and with `adminToken` a global admin is logged in for it.
 */
export function useMock(
  options: { seed?: MockServerOptions['seed']; resetEach?: boolean; adminToken?: boolean } = {},
): LiveMock {
  let mock: MockServer | undefined;
  let token: string | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ seed: options.seed ?? 'demo' });
    if (options.adminToken && !options.resetEach) token = await adminToken(mock.url);
  });
  if (options.resetEach)
    beforeEach(async () => {
      mock?.reset();
      if (options.adminToken && mock) token = await adminToken(mock.url);
    });
  afterAll(() => mock?.close());
  return {
    get mock() {
      if (mock === undefined) throw new Error('the mock is started in beforeAll');
      return mock;
    },
    get token() {
      if (token === undefined) throw new Error('no admin token: pass { adminToken: true }');
      return token;
    },
  };
}

/** A SOAP 1.2 envelope around a body, with the urn:zimbra context header (and a token when given). */
export function envelope(body: string, token?: string): string {
  const auth = token === undefined ? '' : `<authToken>${token}</authToken>`;
  return (
    `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Header><context xmlns="urn:zimbra">${auth}<nosession/>` +
    `<userAgent name="casella-tests" version="1"/></context></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

/** One SOAP answer. */
export interface SoapAnswer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | null;
}

/** POSTs a raw payload to an endpoint of the mock. */
export async function postRaw(
  baseUrl: string,
  payload: string,
  path = '/service/admin/soap',
): Promise<SoapAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: payload,
  });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
}

/** POSTs one request body inside an envelope. */
export function soap(baseUrl: string, body: string, token?: string, path?: string): Promise<SoapAnswer> {
  return postRaw(baseUrl, envelope(body, token), path);
}

/** Text of the first `<tag>…</tag>` (no nested tags of the same name). */
export function textOf(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return m?.[1];
}

/** Every value of `<a n="name">value</a>`. */
export function attrValues(xml: string, name: string): string[] {
  const re = new RegExp(`<a n="${name}"(?:\\s[^>]*)?>([^<]*)</a>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]!);
}

/** The first value of `<a n="name">`. */
export function attrValue(xml: string, name: string): string | undefined {
  return attrValues(xml, name)[0];
}

/** An XML attribute of the first element named `tag`. */
export function xmlAttr(xml: string, tag: string, attr: string): string | undefined {
  const m = new RegExp(`<${tag}\\s[^>]*\\b${attr}="([^"]*)"`).exec(xml);
  return m?.[1];
}

/** Zimbra's fault code (`soap:Detail/Error/Code`). */
export function faultCode(xml: string): string | undefined {
  return textOf(xml, 'Code');
}

/** The fault's reason text. */
export function faultReason(xml: string): string | undefined {
  return textOf(xml, 'soap:Text');
}

/** Logs in as an admin and returns the token. */
export async function adminToken(baseUrl: string, name = ADMIN, password = DEMO_PASSWORD): Promise<string> {
  const answer = await soap(
    baseUrl,
    `<AuthRequest xmlns="urn:zimbraAdmin"><name>${name}</name><password>${password}</password></AuthRequest>`,
  );
  const token = textOf(answer.text, 'authToken');
  if (answer.status !== 200 || token === undefined)
    throw new Error(`admin login failed: ${faultCode(answer.text)}`);
  return token;
}

/** Logs in as a mailbox owner (urn:zimbraAccount on /service/soap) and returns the token. */
export async function userToken(baseUrl: string, name: string, password = DEMO_PASSWORD): Promise<string> {
  const answer = await soap(
    baseUrl,
    `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">${name}</account><password>${password}</password></AuthRequest>`,
    undefined,
    '/service/soap',
  );
  const token = textOf(answer.text, 'authToken');
  if (answer.status !== 200 || token === undefined)
    throw new Error(`user login failed: ${faultCode(answer.text)}`);
  return token;
}

/** The zimbraId of an account, read with GetAccount. */
export async function accountId(baseUrl: string, token: string, name: string): Promise<string> {
  const answer = await soap(
    baseUrl,
    `<GetAccountRequest xmlns="urn:zimbraAdmin" attrs="zimbraId"><account by="name">${name}</account></GetAccountRequest>`,
    token,
  );
  const id = xmlAttr(answer.text, 'account', 'id');
  if (id === undefined) throw new Error(`no account ${name}: ${faultCode(answer.text)}`);
  return id;
}
