import { ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, loginDemo, raw, rawToken, usePecMock } from './support.ts';

describe('PEC mailbox search', () => {
  const demo = usePecMock();

  it('lists every mailbox of the domain, postmaster included, across pages, sorted by name', async () => {
    const pec = await loginDemo(demo.mock);
    const names: string[] = [];
    for await (const m of pec.mailboxes.search({ pageSize: 5 })) names.push(m.localPart);
    expect(names).toHaveLength(13);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('postmaster');
  });

  it('finds mailboxes by a case-insensitive piece of the name', async () => {
    const pec = await loginDemo(demo.mock);
    const found: string[] = [];
    for await (const m of pec.mailboxes.search({ q: 'ROSSI' })) found.push(m.address);
    expect(found).toEqual(['mario.rossi@pec.example.it']);
  });

  it('returns one page with the total, for paged lists', async () => {
    const pec = await loginDemo(demo.mock);
    const page = await pec.mailboxes.page({ q: 'a', page: 2, pageSize: 3 });
    expect(page.page).toBe(2);
    expect(page.pageSize).toBe(3);
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThan(6);
  });

  it('shows quota, status and what the server allows on each mailbox', async () => {
    const pec = await loginDemo(demo.mock);
    const all = new Map<string, Awaited<ReturnType<typeof pec.mailboxes.get>>>();
    for await (const m of pec.mailboxes.search()) all.set(m.localPart, m);
    expect(all.get('postmaster')?.capabilities).toEqual({
      changePassword: true,
      resetPassword: false,
      delete: false,
    });
    expect(all.get('luca.esposito')).toMatchObject({
      status: 'suspended',
      capabilities: { changePassword: false, resetPassword: false, delete: true },
    });
    expect(all.get('mario.rossi')?.quota).toEqual({ limitBytes: 1_073_741_824, usedBytes: 5_242_880 });
  });

  it('refuses a page size outside 1..200 before the wire', async () => {
    const pec = await loginDemo(demo.mock);
    expect(() => pec.mailboxes.search({ pageSize: 0 })).toThrow(ValidationError);
    expect(() => pec.mailboxes.search({ pageSize: 201 })).toThrow(/pageSize/);
  });

  it('refuses a page number beyond 1,000,000 before the wire, as the server would', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.page({ page: 1_000_001 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'page', rule: 'maximum' });
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'GET', '/mailboxes?page=1000001', { token });
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'page', rule: 'maximum' })]);
    expect((await pec.mailboxes.page({ page: 1_000_000 })).items).toEqual([]);
  });

  it('answers out-of-range or non-numeric paging with VALIDATION_FAILED naming each parameter', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'GET', '/mailboxes?page=0&pageSize=abc', { token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['page', 'pageSize']);
  });
});
