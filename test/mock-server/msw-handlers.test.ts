// The same emulator core as msw handlers: in-process, no port, any origin. Raw SOAP and JSON, no SDK.
import { createMockBackend } from '@casella/mock-server';
import { createHandlers } from '@casella/mock-server/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, adminToken, DEMO_PASSWORD, faultCode, soap } from './soap-helpers.ts';

const ORIGIN = 'https://zimbra.casella.test:7071';

describe('createHandlers: the mock core inside msw', () => {
  const backend = createMockBackend({ seed: 'demo' });
  const server = setupServer(...createHandlers(backend));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => backend.reset());
  afterAll(() => server.close());

  it('answers a SOAP AuthRequest and a read with the token, as the HTTP server does', async () => {
    const token = await adminToken(ORIGIN);
    const answer = await soap(
      ORIGIN,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">mario.rossi@example.com</account></GetAccountRequest>',
      token,
    );
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.text).toContain('<account name="mario.rossi@example.com"');
  });

  it("keeps state between requests and answers refusals with Zimbra's fault", async () => {
    const token = await adminToken(ORIGIN);
    const create = `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>msw.user@example.com</name><password>${DEMO_PASSWORD}</password></CreateAccountRequest>`;
    expect((await soap(ORIGIN, create, token)).status).toBe(200);
    const again = await soap(ORIGIN, create, token);
    expect(again.status).toBe(500);
    expect(faultCode(again.text)).toBe('account.ACCOUNT_EXISTS');
  });

  it('answers the account endpoint and the pec-admin paths too', async () => {
    const auth = await soap(
      ORIGIN,
      `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">mario.rossi@example.com</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      undefined,
      '/service/soap',
    );
    expect(auth.status).toBe(200);
    const pec = await fetch(`${ORIGIN}/pec/v1/domain`);
    expect(pec.status).toBe(401);
    expect((await pec.json()).error.code).toBeTypeOf('string');
  });

  it('applies injected faults: a bare 503, a dropped connection, expired tokens', async () => {
    const token = await adminToken(ORIGIN, ADMIN);
    backend.faults.set({ failNext: 1 });
    const failed = await soap(ORIGIN, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', token);
    expect(failed.status).toBe(503);
    backend.faults.set({ failNext: 1, failureMode: 'reset' });
    await expect(soap(ORIGIN, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', token)).rejects.toThrow();
    backend.expireAllTokens();
    const expired = await soap(ORIGIN, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', token);
    expect(faultCode(expired.text)).toBe('service.AUTH_EXPIRED');
  });
});
