import { BulkInputError } from './row-issue.ts';
import type { BulkRow } from './rows.ts';
import { type BulkTextInput, decodeUtf8 } from './text-input.ts';

/**
 * Reads NDJSON rows: one JSON object per line with the {@link BULK_COLUMNS} as members (`quota` may be
 * a number). Blank lines are skipped; each row carries its line.
 * @throws BulkInputError naming the line of text that is not a JSON object.
 * @example
 * for await (const row of parseRowsNdjson(createReadStream('mailboxes.ndjson'))) console.log(row.address);
 */
export async function* parseRowsNdjson(input: BulkTextInput): AsyncGenerator<BulkRow, void, undefined> {
  let line = 0;
  let rest = '';
  const parse = (text: string): BulkRow | undefined => {
    line++;
    if (text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new BulkInputError([{ line, column: undefined, rule: 'json', message: 'is not JSON' }], {
        cause: error,
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BulkInputError([
        { line, column: undefined, rule: 'object', message: 'is not a JSON object' },
      ]);
    }
    // The row's own line wins over anything the file says.
    return { ...(value as Record<string, unknown>), line } as unknown as BulkRow;
  };
  for await (const chunk of decodeUtf8(input)) {
    rest += chunk;
    let end = rest.indexOf('\n');
    while (end !== -1) {
      const row = parse(rest.slice(0, end).replace(/\r$/, ''));
      if (row !== undefined) yield row;
      rest = rest.slice(end + 1);
      end = rest.indexOf('\n');
    }
  }
  if (rest !== '') {
    const row = parse(rest);
    if (row !== undefined) yield row;
  }
}
