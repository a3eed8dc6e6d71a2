import { type MockServer, pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { isZimbraFault, ValidationError, type ZimbraAdmin, ZimbraFault } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, loginAs, type Recorder, sentRequest, startRecorder } from './zimbra-fixtures.ts';

const N = 100_000;
const BULK = 'bulk.example.com';

/** The bulk seed's address of account number `n` (1-based). */
const bulkName = (n: number) => `user${String(n).padStart(6, '0')}@${BULK}`;

describe('accounts.search and accounts.page on a domain of 100,000 accounts', () => {
  let mock: MockServer;
  let recorder: Recorder;
  let admin: ZimbraAdmin;
  beforeAll(async () => {
    mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(N), pec: pecSeeds.demo() } });
    recorder = await startRecorder(mock.url);
    admin = await loginAs(mock, 'admin@example.com', { url: recorder.url });
  });
  afterAll(async () => {
    await admin.close();
    await recorder.close();
    await mock.close();
  });

  it('walks every account of a domain far past Zimbra default cap of 5000, sending maxResults="0"', async () => {
    let count = 0;
    let last = '';
    for await (const account of admin.accounts.search({ domain: BULK, pageSize: 5000, attrs: ['uid'] })) {
      count += 1;
      last = account.name;
    }
    expect(count).toBe(N);
    expect(last).toBe(bulkName(N));
    expect(sentRequest(recorder.bodies.at(-1))).toMatchObject({
      name: 'SearchDirectoryRequest',
      element: { maxResults: '0' },
    });
  });

  it('reads one page in the middle with the right names, the total and more', async () => {
    const page = await admin.accounts.page({
      domain: BULK,
      offset: 49_999,
      limit: 3,
      attrs: ['displayName'],
    });
    expect(page.accounts.map((a) => a.name)).toEqual([bulkName(50_000), bulkName(50_001), bulkName(50_002)]);
    expect(page.total).toBe(N);
    expect(page.more).toBe(true);
    expect(sentRequest(recorder.bodies.at(-1)).element).toMatchObject({
      limit: '3',
      offset: '49999',
      maxResults: '0',
    });
  });

  it('reads the last page with more false', async () => {
    const page = await admin.accounts.page({ domain: BULK, offset: N - 10, limit: 100, attrs: ['uid'] });
    expect(page.accounts).toHaveLength(10);
    expect(page.accounts.at(-1)?.name).toBe(bulkName(N));
    expect(page.more).toBe(false);
  });

  it('pages a filtered search, its total counting only the matches', async () => {
    const page = await admin.accounts.page({ domain: BULK, query: '(uid=user0999*)', offset: 0, limit: 5 });
    expect(page.total).toBe(100);
    expect(page.accounts[0]?.name).toBe(bulkName(99_900));
  });

  it('sorts descending by another attribute when asked', async () => {
    const page = await admin.accounts.page({
      domain: BULK,
      offset: 0,
      limit: 2,
      sortBy: 'uid',
      sortAscending: false,
    });
    expect(page.accounts.map((a) => a.name)).toEqual([bulkName(N), bulkName(N - 1)]);
    expect(sentRequest(recorder.bodies.at(-1)).element).toMatchObject({ sortBy: 'uid', sortAscending: '0' });
  });

  it('counts all 100,000 accounts', async () => {
    await expect(admin.accounts.count({ domain: BULK })).resolves.toBe(N);
  });

  it('sends the cap when asked, and the server refusal reaches the caller as account.TOO_MANY_SEARCH_RESULTS', async () => {
    const walk = admin.accounts.search({ domain: BULK, maxResults: 5000 });
    const error = await failure(walk.next());
    expect(error).toBeInstanceOf(ZimbraFault);
    expect(isZimbraFault(error, 'account.TOO_MANY_SEARCH_RESULTS')).toBe(true);
    expect(sentRequest(recorder.bodies.at(-1)).element).toMatchObject({ maxResults: '5000' });
    const paged = await failure(
      admin.accounts.page({ domain: BULK, offset: 0, limit: 10, maxResults: 5000 }),
    );
    expect(isZimbraFault(paged, 'account.TOO_MANY_SEARCH_RESULTS')).toBe(true);
  });

  it('refuses a page without a positive limit before anything is sent, naming field and rule', async () => {
    const sent = recorder.bodies.length;
    const error = await failure(admin.accounts.page({ domain: BULK, offset: -1, limit: 0 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'offset', rule: 'nonNegative' }),
        expect.objectContaining({ field: 'limit', rule: 'minimum' }),
      ]),
    );
    const sort = await failure(admin.accounts.page({ offset: 0, limit: 1, sortBy: 'name)(x' }));
    expect((sort as ValidationError).issues[0]).toMatchObject({ field: 'sortBy', rule: 'attrName' });
    expect(recorder.bodies.length).toBe(sent);
  });
});
