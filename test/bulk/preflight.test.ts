import { BulkRefusedError, type BulkRow, createBulk, parseRowsCsv } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BulkBench, collect, ROW_PASSWORD, startBulkBench, tally } from './bulk-fixtures.ts';

async function refusal(run: { summary(): Promise<unknown> }): Promise<BulkRefusedError> {
  try {
    await run.summary();
  } catch (error) {
    if (error instanceof BulkRefusedError) return error;
    throw error;
  }
  throw new Error('expected the run to be refused');
}

const pro = (i: number): BulkRow => ({
  address: `nuovo${i}@example.com`,
  password: ROW_PASSWORD,
  type: 'Professional',
});
const std = (i: number): BulkRow => ({
  address: `nuovo${i}@example.com`,
  password: ROW_PASSWORD,
  type: 'Standard',
});

describe('pre-flight', () => {
  let bench: BulkBench;
  let before: number;
  beforeAll(async () => {
    bench = await startBulkBench();
  });
  beforeEach(async () => {
    bench.mock.reset();
    bench.proxy.resetStats();
    before = await bench.direct.accounts.count({ domain: 'example.com' });
  });
  afterAll(() => bench.close());

  const nothingChanged = async () => {
    expect(bench.proxy.stats.writes).toEqual({});
    expect(await bench.direct.accounts.count({ domain: 'example.com' })).toBe(before);
  };

  it('refuses 3 Professional mailboxes when no Professional slot is free, with the numbers, and writes nothing', async () => {
    const error = await refusal(createBulk(bench.admin).create([pro(1), pro(2), pro(3)]));
    expect(error.code).toBe('BULK_REFUSED');
    expect(error.report.capacity).toEqual([
      { domain: 'example.com', type: 'Professional', needed: 3, free: 0, used: 10, max: 10 },
    ]);
    expect(error.message).toContain('example.com: 3 Professional mailboxes needed, 0 free (10 of 10 used)');
    await nothingChanged();
  });

  it('refuses 13 Standard mailboxes for 12 free slots up front, not after 12 creates', async () => {
    const rows = Array.from({ length: 13 }, (_, i) => std(i));
    const error = await refusal(createBulk(bench.admin).create(rows));
    expect(error.report.capacity).toEqual([
      { domain: 'example.com', type: 'Standard', needed: 13, free: 12, used: 28, max: 40 },
    ]);
    await nothingChanged();
  });

  it("refuses more mailboxes than the domain's overall limit leaves, naming the total", async () => {
    // 12 Standard fit their type, but the domain has 20 free in all: 12 + 9 rows of the default type.
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => std(i)),
      ...Array.from({ length: 9 }, (_, i) => ({ address: `extra${i}@example.com`, password: ROW_PASSWORD })),
    ];
    const error = await refusal(createBulk(bench.admin).create(rows));
    expect(error.report.capacity).toContainEqual({
      domain: 'example.com',
      type: undefined,
      needed: 21,
      free: 20,
      used: 40,
      max: 60,
    });
    await nothingChanged();
  });

  it('names the line and column of every bad row, never shows a password, and writes nothing', async () => {
    const csv = [
      'address;password;givenName;type;quota;status',
      'not-an-address;Bulk-Pass-42!;Anna;Standard;1GB;active',
      'anna@example.com;Bulk-Pass-42!;Anna;Standard;lots;active',
      'bruno@example.com;Bulk-Pass-42!;Bruno;Standard;1GB;asleep',
      'carla@example.com;Bulk-Pass-42!;Carla;Standard;1GB;',
      'carla@example.com;Bulk-Pass-42!;Carla bis;Standard;1GB;',
      'dario@nowhere.example;Bulk-Pass-42!;Dario;Standard;1GB;',
      'elena@example.com;Bulk-Pass-42!;Elena;Platinum;1GB;',
      'fabio@example.com;weakpass;Fabio;Standard;1GB;',
      'gino@example.com;;Gino;Standard;1GB;',
    ].join('\r\n');
    const error = await refusal(createBulk(bench.admin).create(parseRowsCsv(`\uFEFF${csv}`)));
    const where = error.report.issues.map((i) => [i.line, i.column, i.rule]);
    expect(where).toEqual([
      [2, 'address', 'email'],
      [3, 'quota', 'size'],
      [4, 'status', 'status'],
      [10, 'password', 'required'],
      [6, 'address', 'duplicate'],
      [7, 'address', 'noSuchDomain'],
      [8, 'type', 'noSuchType'],
      [9, 'password', 'zimbraPasswordMinUpperCaseChars'],
      [9, 'password', 'zimbraPasswordMinNumericChars'],
      [9, 'password', 'zimbraPasswordMinPunctuationChars'],
    ]);
    expect(error.report.issues.find((i) => i.rule === 'duplicate')?.message).toBe('is also on line 5');
    expect(JSON.stringify(error)).not.toMatch(/Bulk-Pass-42!|weakpass/);
    expect(error.message).not.toMatch(/Bulk-Pass-42!|weakpass/);
    await nothingChanged();
  });

  it('refuses a CSV it cannot read, naming the line, and writes nothing', async () => {
    const csv = 'address,password\nanna@example.com,Bulk-Pass-42!\n"bruno@example.com,Bulk-Pass-42!\n';
    const error = await refusal(createBulk(bench.admin).create(parseRowsCsv(csv)));
    expect(error.report.issues).toEqual([
      {
        line: 3,
        column: undefined,
        rule: 'CSV_QUOTE_NOT_CLOSED',
        message: 'has a quote that is never closed',
      },
    ]);
    await nothingChanged();
  });

  it('as a dry run gives each row its verdict and sends no write', async () => {
    const report = await createBulk(bench.admin).preflight('create', [
      std(1),
      {
        address: 'mario.rossi@example.com',
        givenName: 'Mario',
        sn: 'Rossi',
        type: 'Standard',
        password: ROW_PASSWORD,
      },
      { address: 'luca.ferrari@example.com', givenName: 'Luchino', password: ROW_PASSWORD },
      { address: 'bad', password: ROW_PASSWORD },
    ]);
    expect(report.ok).toBe(false);
    expect(report.writes).toBe(1);
    expect(report.verdicts.map((v) => [v.line, v.verdict, v.differences])).toEqual([
      [1, 'write', undefined],
      [2, 'alreadyPresent', undefined],
      [3, 'conflict', ['givenName']],
      [4, 'refused', undefined],
    ]);
    await nothingChanged();
  });

  it('with skipInvalid creates the good rows and reports the bad ones as refused with their issues', async () => {
    const outcomes = await collect(
      createBulk(bench.admin).create([std(1), { address: 'bad', password: ROW_PASSWORD }, std(2)], {
        skipInvalid: true,
      }),
    );
    expect(tally(outcomes)).toEqual({ created: 2, refused: 1 });
    const refused = outcomes.find((o) => o.kind === 'refused');
    expect(refused?.issues).toEqual([
      { line: 2, column: 'address', rule: 'email', message: 'must be an address like name@example.com' },
    ]);
    expect(refused?.error?.code).toBe('VALIDATION');
  });

  it('counts a matching account as done and never modifies one that differs', async () => {
    const mario = await bench.direct.accounts.get('mario.rossi@example.com');
    const outcomes = await collect(
      createBulk(bench.admin).create([
        {
          address: 'mario.rossi@example.com',
          givenName: 'Mario',
          sn: 'Rossi',
          password: ROW_PASSWORD,
          type: 'Standard',
        },
        { address: 'luca.ferrari@example.com', givenName: 'Luchino', sn: 'Ferrari', password: ROW_PASSWORD },
      ]),
    );
    expect(outcomes.map((o) => [o.address, o.kind, o.differences])).toEqual([
      ['mario.rossi@example.com', 'alreadyPresent', undefined],
      ['luca.ferrari@example.com', 'conflict', ['givenName']],
    ]);
    expect(bench.proxy.stats.writes).toEqual({});
    expect((await bench.direct.accounts.get('luca.ferrari@example.com')).givenName).toBe('Luca');
    expect((await bench.direct.accounts.get('mario.rossi@example.com')).attrs).toEqual(mario.attrs);
  });

  it('refuses a bad option naming it, before reading anything', async () => {
    const run = createBulk(bench.admin).create([std(1)], { batchSize: 0 });
    await expect(run.summary()).rejects.toMatchObject({ code: 'VALIDATION', field: 'options.batchSize' });
    expect(bench.proxy.stats.requests).toBe(0);
  });
});
