/** Options of {@link csvCell} and {@link csvLine}. */
export interface CsvCellOptions {
  /**
   * Prefix a text cell that a spreadsheet would run as a formula (it starts with `=` `+` `-` `@`, a tab
   * or a carriage return) with `'`, as OWASP's CSV-injection advice says. For files people open in
   * Excel or LibreOffice; off for files only programs read back. @default false
   */
  readonly guardFormulas?: boolean | undefined;
}

// OWASP, "CSV Injection": the characters a spreadsheet takes as the start of a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a separator (`,` or `;`), a quote or a line break. */
export function csvCell(value: string | number | null | undefined, options: CsvCellOptions = {}): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Only text: a number the program wrote (a quota) is never a formula.
  if (options.guardFormulas === true && typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of cells, `\r\n`-terminated as RFC 4180 and spreadsheets expect. */
export function csvLine(
  cells: readonly (string | number | null | undefined)[],
  options: CsvCellOptions = {},
): string {
  return `${cells.map((cell) => csvCell(cell, options)).join(',')}\r\n`;
}
