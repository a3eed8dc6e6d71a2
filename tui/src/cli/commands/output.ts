/** Where a command's results go: stdout only; messages and progress go to stderr. */
export interface Output {
  /** One JSON document (`--json` of a single result). */
  json(value: unknown): void;
  /** One NDJSON line (`--json` of a list, one line per item or per row outcome). */
  ndjson(value: unknown): void;
  /** A human table with a header row; columns padded, the last one not. */
  table(headers: readonly string[], rows: readonly (readonly string[])[]): void;
  /** `label: value` lines for one record. */
  record(pairs: readonly (readonly [string, string])[]): void;
  /** Plain text, a newline added. */
  line(text: string): void;
}

/** An {@link Output} writing to a stream. */
export function createOutput(stream: NodeJS.WritableStream): Output {
  const write = (text: string) => {
    stream.write(`${text}\n`);
  };
  return {
    json: (value) => write(JSON.stringify(value, null, 2)),
    ndjson: (value) => write(JSON.stringify(value)),
    table(headers, rows) {
      write(formatTable(headers, rows));
    },
    record(pairs) {
      const width = Math.max(0, ...pairs.map(([label]) => label.length));
      for (const [label, value] of pairs) write(`${`${label}:`.padEnd(width + 2)}${value}`);
    },
    line: write,
  };
}

/** Pads columns to their widest cell (in code points) and joins them with two spaces. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const pad = (cell: string, i: number) =>
    i === headers.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length);
  return all
    .map((r) =>
      headers
        .map((_, i) => pad(r[i] ?? '', i))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
