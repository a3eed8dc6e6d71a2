import type { MockServer } from '@casella/mock-server';
import { isPecApiError, PecPostmaster } from '@casella/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PecSeed } from '../../mock-server/src/pec/index.ts';
import { DEMO_PASSWORD, failure, loginDemo, pecBackend, raw, rawToken, startPecMock } from './support.ts';

/** A domain whose provider cannot reset passwords nor delete mailboxes. */
const LIMITED: PecSeed = {
  domains: [
    {
      name: 'pec.limitato.it',
      postmasterPassword: DEMO_PASSWORD,
      mailboxes: [{ localPart: 'ufficio', password: DEMO_PASSWORD }],
      unsupportedOperations: ['resetMailboxPassword', 'deleteMailbox'],
    },
  ],
};

describe('PEC provider limits and outages', () => {
  let demo: MockServer;
  let limited: MockServer;
  beforeAll(async () => {
    demo = await startPecMock();
    limited = await startPecMock(LIMITED);
  });
  afterEach(() => demo.reset());
  afterAll(async () => {
    await demo.close();
    await limited.close();
  });

  it('answers what the provider cannot do with 501 NOT_SUPPORTED_BY_PROVIDER', async () => {
    const pec = await PecPostmaster.login({
      url: `${limited.url}/pec`,
      username: 'postmaster@pec.limitato.it',
      password: DEMO_PASSWORD,
    });
    const error = await failure(pec.mailboxes.resetPassword('ufficio'));
    expect(isPecApiError(error, 'NOT_SUPPORTED_BY_PROVIDER')).toBe(true);
    expect(error.status).toBe(501);
    await expect(pec.mailboxes.get('ufficio')).resolves.toMatchObject({ address: 'ufficio@pec.limitato.it' });
  });

  it('shows a domain without a mailbox limit as null', async () => {
    const pec = await PecPostmaster.login({
      url: `${limited.url}/pec`,
      username: 'postmaster@pec.limitato.it',
      password: DEMO_PASSWORD,
    });
    expect(await pec.domain()).toMatchObject({
      name: 'pec.limitato.it',
      mailboxLimit: null,
      mailboxCount: 2,
    });
  });

  it('answers every call with 503 PROVIDER_UNAVAILABLE while the provider is down, reads after retrying', async () => {
    const pec = await loginDemo(demo);
    pecBackend(demo).setProviderAvailable(false);
    const error = await failure(pec.domain());
    expect(isPecApiError(error, 'PROVIDER_UNAVAILABLE')).toBe(true);
    expect(error.status).toBe(503);
  });

  it('sends Retry-After with PROVIDER_UNAVAILABLE when the outage has a known length', async () => {
    const token = await rawToken(demo);
    pecBackend(demo).setProviderAvailable(false, 120);
    const res = await raw(demo, 'GET', '/domain', { token });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('120');
    pecBackend(demo).setProviderAvailable(true);
    expect((await raw(demo, 'GET', '/domain', { token })).status).toBe(200);
  });
});
