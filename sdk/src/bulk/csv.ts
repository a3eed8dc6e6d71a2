import { type CsvError, parse } from 'csv-parse';
import { BulkInputError, type RowIssue } from './row-issue.ts';
import { BULK_COLUMNS, type BulkRow } from './rows.ts';
import { type BulkTextInput, decodeUtf8 } from './text-input.ts';

/** Options of {@link parseRowsCsv}. */
export interface CsvOptions {
  /** The field separator; by default whichever of `;` and `,` the header line uses. */
  readonly delimiter?: ';' | ',' | undefined;
}

/** The separator the header uses: Italian spreadsheets export `;`, most others `,`. */
function detectDelimiter(header: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Buffers the input until the first line is complete, to see the separator before parsing. */
async function* withHeader(
  text: AsyncGenerator<string>,
  onHeader: (header: string) => void,
): AsyncGenerator<string> {
  let head: string | undefined = '';
  for await (const chunk of text) {
    if (head === undefined) {
      yield chunk;
      continue;
    }
    head += chunk;
    const end = head.indexOf('\n');
    if (end === -1) continue;
    onHeader(head.slice(0, end));
    yield head;
    head = undefined;
  }
  if (head !== undefined) {
    onHeader(head);
    if (head !== '') yield head;
  }
}

function headerIssues(header: readonly string[]): RowIssue[] {
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!(BULK_COLUMNS as readonly string[]).includes(name)) {
      issues.push({
        line: 1,
        column: name,
        rule: 'unknownColumn',
        message: `is not a known column (${BULK_COLUMNS.join(', ')})`,
      });
    } else if (seen.has(name)) {
      issues.push({ line: 1, column: name, rule: 'duplicateColumn', message: 'appears twice in the header' });
    }
    seen.add(name);
  }
  if (!seen.has('address')) {
    issues.push({
      line: 1,
      column: 'address',
      rule: 'required',
      message: 'the header has no address column',
    });
  }
  return issues;
}

/**
 * Reads a CSV file of rows (UTF-8 with or without BOM; `;` or `,` detected from the header). The first
 * line names the columns ({@link BULK_COLUMNS}); empty cells are "not given". Each row carries its line.
 * @throws BulkInputError naming the line (and column) of a header or record that cannot be read.
 * @example
 * for await (const row of parseRowsCsv(createReadStream('mailboxes.csv'))) console.log(row.line, row.address);
 */
export async function* parseRowsCsv(
  input: BulkTextInput,
  options: CsvOptions = {},
): AsyncGenerator<BulkRow, void, undefined> {
  let delimiter = options.delimiter;
  const text = withHeader(decodeUtf8(input), (header) => {
    delimiter ??= detectDelimiter(header);
  });
  // The separator is known once the header is in; the parser starts with the first chunk.
  const first = await text.next();
  if (first.done) return;
  const parser = parse({ delimiter: delimiter ?? ',', info: true, skip_empty_lines: true, bom: true });
  const feed = (async () => {
    try {
      if (!parser.write(first.value)) await new Promise((r) => parser.once('drain', r));
      for await (const chunk of text) {
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  let header: string[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (header === undefined) {
        header = record.map((h) => h.trim());
        const issues = headerIssues(header);
        if (issues.length > 0) throw new BulkInputError(issues);
        continue;
      }
      const row: Record<string, string | number> = { line: info.lines };
      for (const [i, name] of header.entries()) {
        const value = record[i];
        if (value !== undefined && value !== '') row[name] = value;
      }
      yield row as unknown as BulkRow;
    }
  } catch (error) {
    if (error instanceof BulkInputError) throw error;
    const csv = error as CsvError & { lines?: number };
    const line = typeof csv.lines === 'number' ? csv.lines : 0;
    throw new BulkInputError(
      [{ line, column: undefined, rule: csv.code ?? 'csv', message: csvMessage(csv) }],
      { cause: error },
    );
  } finally {
    parser.destroy();
    await feed;
  }
}

/** csv-parse's message without the record's content, which may hold a password. */
function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'has a different number of fields than the header';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quote that is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'has a character right after a closing quote';
    default:
      return 'is not valid CSV';
  }
}
