import { resolveSeed } from '@casella/mock-server';
import { describe, expect, it } from 'vitest';
import { zimbraSeeds } from '../../mock-server/src/zimbra/index.ts';
import { faultCode, soap, useMock, userToken, xmlAttr } from './soap-helpers.ts';

const N = 20_000;

describe('Zimbra mock: the bulk seed', () => {
  const bulk = useMock({
    seed: { zimbra: zimbraSeeds.bulk(N), pec: resolveSeed('demo').pec },
    adminToken: true,
  });

  it('adds numbered Standard accounts to bulk.example.com next to the demo data', async () => {
    const count = await soap(
      bulk.mock.url,
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">bulk.example.com</domain></CountAccountRequest>',
      bulk.token,
    );
    expect(count.text).toContain(`name="Standard">${N}</cos>`);
    await expect(userToken(bulk.mock.url, 'user012345@bulk.example.com')).resolves.toMatch(/^0_/);
    const demo = await soap(
      bulk.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">mario.rossi@example.com</account></GetAccountRequest>',
      bulk.token,
    );
    expect(demo.status).toBe(200);
  });

  it('pages the whole domain with maxResults="0" and refuses it under the default cap of 5000', async () => {
    const page = await soap(
      bulk.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="bulk.example.com" limit="100" offset="19950" maxResults="0" attrs="displayName"/>',
      bulk.token,
    );
    expect(xmlAttr(page.text, 'SearchDirectoryResponse', 'searchTotal')).toBe(String(N));
    expect(xmlAttr(page.text, 'SearchDirectoryResponse', 'more')).toBe('0');
    expect(xmlAttr(page.text, 'account', 'name')).toBe('user019951@bulk.example.com');
    expect([...page.text.matchAll(/<account /g)]).toHaveLength(50);
    const capped = await soap(
      bulk.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="bulk.example.com" limit="100"/>',
      bulk.token,
    );
    expect(faultCode(capped.text)).toBe('account.TOO_MANY_SEARCH_RESULTS');
  });

  it('pages quota usage of the whole domain', async () => {
    const page = await soap(
      bulk.mock.url,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" domain="bulk.example.com" limit="25" offset="100"/>',
      bulk.token,
    );
    expect(xmlAttr(page.text, 'GetQuotaUsageResponse', 'searchTotal')).toBe(String(N));
    expect([...page.text.matchAll(/<account /g)]).toHaveLength(25);
  });
});
