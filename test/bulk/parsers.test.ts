import { BulkInputError, parseQuota, parseRowsCsv, parseRowsNdjson } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { collect } from './bulk-fixtures.ts';

async function inputError(rows: AsyncIterable<unknown>): Promise<BulkInputError> {
  try {
    for await (const _ of rows) {
      // read to the end
    }
  } catch (error) {
    if (error instanceof BulkInputError) return error;
    throw error;
  }
  throw new Error('expected a BulkInputError');
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseRowsCsv', () => {
  it('reads an Italian spreadsheet export: BOM, semicolons, CRLF, quoted cells with separators', async () => {
    const csv = '\uFEFFaddress;givenName;displayName;quota\r\nanna@example.com;Anna;"Verdi; Anna";2GB\r\n';
    expect(await collect(parseRowsCsv(bytes(csv)))).toEqual([
      { line: 2, address: 'anna@example.com', givenName: 'Anna', displayName: 'Verdi; Anna', quota: '2GB' },
    ]);
  });

  it('reads commas when the header uses commas, and keeps values exactly (spaces, accents)', async () => {
    const csv = 'address,sn,displayName\nluca@example.com, Niccolò ,"Luca, detto ""il Rosso"""\n';
    expect(await collect(parseRowsCsv(csv))).toEqual([
      { line: 2, address: 'luca@example.com', sn: ' Niccolò ', displayName: 'Luca, detto "il Rosso"' },
    ]);
  });

  it('reads a stream whose chunks split lines and multi-byte characters', async () => {
    const all = bytes('address;sn\nanna@example.com;Così\n\nbruno@example.com;Perché\n');
    const chunks = Array.from({ length: all.length }, (_, i) => all.slice(i, i + 1));
    expect(await collect(parseRowsCsv(chunks))).toEqual([
      { line: 2, address: 'anna@example.com', sn: 'Così' },
      { line: 4, address: 'bruno@example.com', sn: 'Perché' },
    ]);
  });

  it('treats empty cells as not given', async () => {
    expect(await collect(parseRowsCsv('address;password;sn\nanna@example.com;;\n'))).toEqual([
      { line: 2, address: 'anna@example.com' },
    ]);
  });

  it('refuses an unknown column and a header without address, naming line 1 and the column', async () => {
    const error = await inputError(parseRowsCsv('mail;nome\nanna@example.com;Anna\n'));
    expect(error.issues.map((i) => [i.line, i.column, i.rule])).toEqual([
      [1, 'mail', 'unknownColumn'],
      [1, 'nome', 'unknownColumn'],
      [1, 'address', 'required'],
    ]);
  });

  it('refuses a record with the wrong number of fields, naming its line and not its content', async () => {
    const error = await inputError(parseRowsCsv('address;password\nanna@example.com;Secret-1!;extra\n'));
    expect(error.issues).toEqual([
      {
        line: 2,
        column: undefined,
        rule: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH',
        message: 'has a different number of fields than the header',
      },
    ]);
    expect(error.message).not.toContain('Secret-1!');
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    const latin1 = new Uint8Array([...bytes('address;sn\nanna@example.com;Cos'), 0xec, 0x0a]);
    const error = await inputError(parseRowsCsv(latin1));
    expect(error.issues).toEqual([
      { line: 2, column: undefined, rule: 'utf8', message: 'is not UTF-8 text' },
    ]);
  });
});

describe('parseRowsNdjson', () => {
  it('reads one object per line, skipping blank lines, with numbers for quota', async () => {
    const text =
      '{"address":"anna@example.com","quota":1073741824}\n\n{"address":"bruno@example.com","type":"Standard"}';
    expect(await collect(parseRowsNdjson(text))).toEqual([
      { line: 1, address: 'anna@example.com', quota: 1073741824 },
      { line: 3, address: 'bruno@example.com', type: 'Standard' },
    ]);
  });

  it('refuses a line that is not a JSON object, naming it', async () => {
    const error = await inputError(parseRowsNdjson('{"address":"anna@example.com"}\n["x"]\n'));
    expect(error.issues).toEqual([
      { line: 2, column: undefined, rule: 'object', message: 'is not a JSON object' },
    ]);
    const broken = await inputError(parseRowsNdjson('{"address":"anna@example.com"}\r\n{"address":\n'));
    expect(broken.issues[0]).toMatchObject({ line: 2, rule: 'json' });
  });
});

describe('parseQuota', () => {
  it('reads bytes and binary units, with a decimal point or an Italian decimal comma', () => {
    expect(parseQuota('1073741824')).toBe(1073741824);
    expect(parseQuota(0)).toBe(0);
    expect(parseQuota('2GB')).toBe(2 * 1024 ** 3);
    expect(parseQuota('500MB')).toBe(500 * 1024 ** 2);
    expect(parseQuota('500 mb')).toBe(500 * 1024 ** 2);
    expect(parseQuota('1,5GB')).toBe(1.5 * 1024 ** 3);
    expect(parseQuota('1.5G')).toBe(1.5 * 1024 ** 3);
    expect(parseQuota('1TiB')).toBe(1024 ** 4);
  });

  it('refuses what is not a whole number of bytes', () => {
    for (const bad of ['lots', '-1GB', '1.5', '2XB', '', '1e9', 1.5, -3])
      expect(parseQuota(bad)).toBeUndefined();
  });
});
