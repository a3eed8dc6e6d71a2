import { createHmac } from 'node:crypto';
import { pecSeeds, zimbraSeeds } from '@casella/mock-server';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  DEMO_PASSWORD,
  envelope,
  faultCode,
  postRaw,
  SOAP12,
  textOf,
  useMock,
} from './soap-helpers.ts';
import { jsonAdminToken, postJson } from './zimbra-json-helpers.ts';

const ADMIN_NS = 'urn:zimbraAdmin';
const ACCOUNT_NS = 'urn:zimbraAccount';
const USER = 'mario.rossi@example.com';
const KEYLESS = 'ada@nokey.test';
const PREAUTH_KEY = '6b7ead4bd425836e8cf0079cd6c1a05acc127acd07c8ee4b61023e19250e929c';

/** The demo seed, with a preauth key on example.com (gdpak) and a domain without one. */
function preauthSeed() {
  const demo = zimbraSeeds.demo();
  return {
    zimbra: {
      ...demo,
      domains: [
        ...(demo.domains ?? []).map((d) =>
          d.name === 'example.com' ? { ...d, attrs: { ...d.attrs, zimbraPreAuthKey: PREAUTH_KEY } } : d,
        ),
        { name: 'nokey.test' },
      ],
      accounts: [...(demo.accounts ?? []), { name: KEYLESS, password: DEMO_PASSWORD }],
    },
    pec: pecSeeds.empty(),
  };
}

function preauthValue(account: string, timestamp: number, expires = 0, key = PREAUTH_KEY): string {
  return createHmac('sha1', key).update(`${account}|name|${expires}|${timestamp}`).digest('hex');
}

/** GetAccount of the admin itself, with a token in the context (or none) and extra headers. */
function getAdmin(
  url: string,
  token: string | undefined,
  headers: Record<string, string> = {},
  context = {},
) {
  return postJson(
    url,
    'GetAccountRequest',
    { _jsns: ADMIN_NS, account: { by: 'name', _content: ADMIN } },
    { ...(token ? { token } : {}), headers, context },
  );
}

describe('Zimbra mock: context header features', () => {
  const demo = useMock({ resetEach: true });

  it('issues a CSRF token for csrfTokenSecured="1" and then refuses requests without it with AUTH_REQUIRED', async () => {
    const login = await postJson(demo.mock.url, 'AuthRequest', {
      _jsns: ADMIN_NS,
      csrfTokenSecured: 1,
      name: ADMIN,
      password: DEMO_PASSWORD,
    });
    const auth = login.body.Body.AuthResponse;
    const csrf: string = auth.csrfToken._content;
    expect(csrf).toMatch(/^0_[0-9a-f]+$/);
    expect(login.headers.get('x-zimbra-csrf-token')).toBe(csrf);
    const token: string = auth.authToken[0]._content;

    const without = await getAdmin(demo.mock.url, token);
    expect(without.status).toBe(500);
    expect(without.body.Body.Fault.Detail.Error.Code).toBe('service.AUTH_REQUIRED');
    expect(without.body.Header).toBeUndefined();
    const wrong = await getAdmin(demo.mock.url, token, { 'x-zimbra-csrf-token': `${csrf}0` });
    expect(wrong.body.Body.Fault.Detail.Error.Code).toBe('service.AUTH_REQUIRED');
    const viaHeader = await getAdmin(demo.mock.url, token, { 'x-zimbra-csrf-token': csrf });
    expect(viaHeader.status).toBe(200);
    const viaContext = await getAdmin(demo.mock.url, token, {}, { csrfToken: { _content: csrf } });
    expect(viaContext.status).toBe(200);
    // A BatchRequest needs it as well; a token issued without csrfTokenSecured needs none.
    const batch = await postJson(
      demo.mock.url,
      'BatchRequest',
      { _jsns: 'urn:zimbra', GetAllCosRequest: { _jsns: ADMIN_NS } },
      { token },
    );
    expect(batch.body.Body.Fault.Detail.Error.Code).toBe('service.AUTH_REQUIRED');
    const plain = await jsonAdminToken(demo.mock.url);
    expect((await getAdmin(demo.mock.url, plain)).status).toBe(200);
  });

  it('sets the ZM_ADMIN_AUTH_TOKEN and ZM_AUTH_TOKEN cookies on login and accepts them in place of the header token', async () => {
    const login = await postRaw(
      demo.mock.url,
      envelope(
        `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
    );
    const token = textOf(login.text, 'authToken')!;
    const res = await fetch(`${demo.mock.url}/service/admin/soap`, {
      method: 'POST',
      body: envelope(
        `<AuthRequest xmlns="urn:zimbraAdmin" persistAuthTokenCookie="1"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
    });
    const persisted = res.headers.get('set-cookie') ?? '';
    expect(persisted).toMatch(
      /^ZM_ADMIN_AUTH_TOKEN=0_[0-9a-f_]+; Path=\/; Max-Age=43200; Expires=[^;]+; HttpOnly$/,
    );

    const byCookie = await getAdmin(demo.mock.url, undefined, {
      cookie: `other=1; ZM_ADMIN_AUTH_TOKEN=${token}`,
    });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.Body.GetAccountResponse.account[0].name).toBe(ADMIN);

    const user = await fetch(`${demo.mock.url}/service/soap`, {
      method: 'POST',
      body: envelope(
        `<AuthRequest xmlns="${ACCOUNT_NS}"><account by="name">${USER}</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
    });
    expect(user.headers.get('set-cookie')).toMatch(/^ZM_AUTH_TOKEN=0_[0-9a-f_]+; Path=\/; HttpOnly$/);
  });

  it('names the session in the answer context when <session/> asks for one, keeps it by id, and opens none otherwise', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const first = await getAdmin(demo.mock.url, token, {}, { session: {} });
    const session = first.body.Header.context.session;
    expect(session).toEqual({ type: 'admin', id: expect.stringMatching(/^\d+$/), _content: session.id });
    const again = await getAdmin(demo.mock.url, token, {}, { session: { id: session.id } });
    expect(again.body.Header.context.session.id).toBe(session.id);
    const none = await getAdmin(demo.mock.url, token, {}, { session: {}, nosession: {} });
    expect(none.body.Header.context.session).toBeUndefined();
    const login = await postRaw(
      demo.mock.url,
      `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Header><context xmlns="urn:zimbra"><session/></context></soap:Header><soap:Body><AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest></soap:Body></soap:Envelope>`,
    );
    expect(login.text).toMatch(
      /<AuthResponse xmlns="urn:zimbraAdmin"><lifetime>\d+<\/lifetime><session type="admin" id="(\d+)">\1<\/session><authToken>/,
    );
    expect(login.text).toMatch(
      /<soap:Header><context xmlns="urn:zimbra"><session type="admin" id="\d+">\d+<\/session><\/context>/,
    );
  });

  it('writes the mailbox change token in the context of a mailbox owner request', async () => {
    const login = await postJson(
      demo.mock.url,
      'AuthRequest',
      { _jsns: ACCOUNT_NS, account: { by: 'name', _content: USER }, password: DEMO_PASSWORD },
      { path: '/service/soap' },
    );
    expect(login.body.Header.context.change).toBeUndefined();
    const token: string = login.body.Body.AuthResponse.authToken[0]._content;
    const end = await postJson(
      demo.mock.url,
      'EndSessionRequest',
      { _jsns: ACCOUNT_NS },
      { token, path: '/service/soap' },
    );
    expect(end.status).toBe(200);
    expect(end.body.Header.context.change).toEqual({ token: 1 });
  });

  it('drops an expired token under authTokenControl voidOnExpired instead of answering AUTH_EXPIRED', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    demo.mock.backend.expireAllTokens();
    const expired = await getAdmin(demo.mock.url, token);
    expect(expired.body.Body.Fault.Detail.Error.Code).toBe('service.AUTH_EXPIRED');
    const voided = await getAdmin(demo.mock.url, token, {}, { authTokenControl: { voidOnExpired: true } });
    expect(voided.body.Body.Fault.Detail.Error.Code).toBe('service.AUTH_REQUIRED');
    // With the token voided the request runs as unauthenticated: an AuthRequest in the same context works.
    const relogin = await postJson(
      demo.mock.url,
      'AuthRequest',
      { _jsns: ADMIN_NS, name: ADMIN, password: DEMO_PASSWORD },
      { token, context: { authTokenControl: { voidOnExpired: '1' } } },
    );
    expect(relogin.status).toBe(200);
  });

  it('ends the token on the server with EndSessionRequest logoff="1", on both endpoints, and clears the cookie', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const kept = await postJson(demo.mock.url, 'EndSessionRequest', { _jsns: ACCOUNT_NS }, { token });
    expect(kept.status).toBe(200);
    expect((await getAdmin(demo.mock.url, token)).status).toBe(200);
    const res = await fetch(`${demo.mock.url}/service/admin/soap`, {
      method: 'POST',
      body: envelope(`<EndSessionRequest xmlns="${ACCOUNT_NS}" logoff="1"/>`, token),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<EndSessionResponse xmlns="urn:zimbraAccount"/>');
    expect(res.headers.get('set-cookie')).toMatch(/^ZM_ADMIN_AUTH_TOKEN=; Path=\/; Max-Age=0;/);
    const after = await getAdmin(demo.mock.url, token);
    expect(after.body.Body.Fault.Detail.Error.Code).toBe('service.AUTH_EXPIRED');

    const user = await postRaw(
      demo.mock.url,
      envelope(
        `<AuthRequest xmlns="${ACCOUNT_NS}"><account by="name">${USER}</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
      '/service/soap',
    );
    const userToken = textOf(user.text, 'authToken')!;
    const off = await postRaw(
      demo.mock.url,
      envelope(`<EndSessionRequest xmlns="${ACCOUNT_NS}" logoff="1"/>`, userToken),
      '/service/soap',
    );
    expect(off.status).toBe(200);
    const again = await postRaw(
      demo.mock.url,
      envelope(`<EndSessionRequest xmlns="${ACCOUNT_NS}"/>`, userToken),
      '/service/soap',
    );
    expect(faultCode(again.text)).toBe('service.AUTH_EXPIRED');
    // Zimbra has no admin-namespace EndSessionRequest.
    const fresh = await jsonAdminToken(demo.mock.url);
    const adminNs = await postRaw(
      demo.mock.url,
      envelope('<EndSessionRequest xmlns="urn:zimbraAdmin" logoff="1"/>', fresh),
    );
    expect(faultCode(adminNs.text)).toBe('service.UNKNOWN_DOCUMENT');
    const anonymous = await postRaw(
      demo.mock.url,
      envelope(`<EndSessionRequest xmlns="${ACCOUNT_NS}"/>`),
      '/service/soap',
    );
    expect(faultCode(anonymous.text)).toBe('service.AUTH_REQUIRED');
  });
});

describe('Zimbra mock: account preauth', () => {
  const mock = useMock({ seed: preauthSeed() });
  const preauthLogin = (account: string, preauth: Record<string, unknown>) =>
    postJson(
      mock.mock.url,
      'AuthRequest',
      { _jsns: ACCOUNT_NS, account: { by: 'name', _content: account }, preauth },
      { path: '/service/soap' },
    );

  it('logs a mailbox owner in with an HMAC-SHA1 preauth value made with the domain key, as preauth.md computes it', async () => {
    const timestamp = Date.now();
    const answer = await preauthLogin(USER, {
      timestamp,
      expires: 0,
      _content: preauthValue(USER, timestamp),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.Body.AuthResponse.authToken[0]._content).toMatch(/^0_/);
    // Two days, the demo's mailbox-owner lifetime.
    expect(answer.body.Body.AuthResponse.lifetime).toBe(172_800_000);
    const expires = timestamp + 60_000;
    const short = await preauthLogin(USER, {
      timestamp,
      expires,
      _content: preauthValue(USER, timestamp, expires),
    });
    expect(short.body.Body.AuthResponse.lifetime).toBeLessThanOrEqual(60_000);
    expect(short.body.Body.AuthResponse.lifetime).toBeGreaterThan(50_000);
  });

  it('refuses a wrong preauth value or a stale timestamp with account.AUTH_FAILED, and a domain without a key with INVALID_REQUEST', async () => {
    const timestamp = Date.now();
    const wrong = await preauthLogin(USER, {
      timestamp,
      expires: 0,
      _content: preauthValue(USER, timestamp, 0, 'other-key'),
    });
    expect(wrong.body.Body.Fault.Detail.Error.Code).toBe('account.AUTH_FAILED');
    expect(wrong.body.Body.Fault.Reason.Text).toBe(`authentication failed for [${USER}]`);
    const stale = timestamp - 10 * 60_000;
    const old = await preauthLogin(USER, {
      timestamp: stale,
      expires: 0,
      _content: preauthValue(USER, stale),
    });
    expect(old.body.Body.Fault.Detail.Error.Code).toBe('account.AUTH_FAILED');
    const keyless = await preauthLogin(KEYLESS, {
      timestamp,
      expires: 0,
      _content: preauthValue(KEYLESS, timestamp),
    });
    expect(keyless.body.Body.Fault.Detail.Error.Code).toBe('service.INVALID_REQUEST');
    expect(keyless.body.Body.Fault.Reason.Text).toBe('invalid request: domain is not configured for preauth');
    const unknown = await preauthLogin('nobody@example.com', { timestamp, expires: 0, _content: 'ab' });
    expect(unknown.body.Body.Fault.Detail.Error.Code).toBe('account.AUTH_FAILED');
  });
});
