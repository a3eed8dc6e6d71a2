import { afterEach, describe, expect, it } from 'vitest';
import {
  type Casella,
  linesOf,
  selectedLine,
  startCasella,
  toDashboard,
  toMailboxes,
  toMarioRossi,
  waitForHome,
} from './casella.ts';
import type { TmuxTerminal } from './tmux.ts';

let app: Casella | undefined;

afterEach(() => {
  app?.close();
  app = undefined;
});

/** The mailboxes table: its header line and its rows (up to the first blank line). */
function tableOf(screen: string): { header: string; rows: string[] } {
  const lines = linesOf(screen);
  const at = lines.findIndex((line) => /^ {2}Address\s+Name\s+Type\s+Status\s+Quota/.test(line));
  if (at < 0) return { header: '', rows: [] };
  const end = lines.findIndex((line, i) => i > at && line.trim() === '');
  return { header: lines[at] ?? '', rows: lines.slice(at + 1, end < 0 ? undefined : end) };
}

/** Rows whose cells run into the next column (no space just before a column's start). */
function collidingRows(screen: string): string[] {
  const { header, rows } = tableOf(screen);
  const starts = ['Name', 'Type', 'Status', 'Quota'].map((h) => header.indexOf(h));
  return rows.filter((row) => starts.some((col) => col > 0 && row.length > col && row[col - 1] !== ' '));
}

/** Waits until the screen satisfies `check`; on timeout shows the last screen. */
async function waitUntil(term: TmuxTerminal, what: string, check: (screen: string) => boolean) {
  const deadline = Date.now() + 15_000;
  let screen = '';
  while (Date.now() < deadline) {
    screen = term.screen();
    if (check(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`screen never showed ${what}; last screen:\n${screen}`);
}

/** The header: the path on the left, the DEMO badge ending exactly at the right edge, on one line. */
function headerFits(screen: string, columns: number): boolean {
  const [header = '', second = ''] = linesOf(screen);
  return (
    /^\S/.test(header) &&
    header.trimEnd().length === columns &&
    header.trimEnd().endsWith('[DEMO]') &&
    // The context line (server · demo · admin), fitting the width, in place of the old blank gap.
    /^\S.* · demo · admin@example\.com$/.test(second.trimEnd()) &&
    second.trimEnd().length <= columns
  );
}

describe('casella in a real terminal: the layout follows the terminal size', { timeout: 60_000 }, () => {
  it('shrinks to 60×20: header, table window, paging and footer follow, with no ghost lines', async () => {
    app = startCasella();
    const { term } = app;
    const wide = await toMailboxes(term);
    expect(headerFits(wide, 80)).toBe(true);
    expect(tableOf(wide).rows).toHaveLength(14);

    term.resize(60, 20);
    const narrow = await waitUntil(
      term,
      'a 60-column header and a 10-row table',
      (s) => headerFits(s, 60) && tableOf(s).rows.length === 10,
    );
    const lines = linesOf(narrow);
    // One frame only: a single header, the footer on the last two lines Ink draws (rows - 1),
    // every key of the screen in it, none cut off.
    expect(lines.filter((l) => l.startsWith('casella'))).toHaveLength(1);
    expect(lines.length).toBeLessThanOrEqual(19);
    expect(lines.at(-2)).toMatch(/^↑\/k up\s+↓\/j down/);
    expect(lines.at(-1)).toMatch(/\? help\s+q quit$/);
    expect(narrow).toContain('Mailboxes of example.com (40 of 40)');
    expect(selectedLine(narrow)).toMatch(/^> admin@/);

    // PgDn moves by the new page of 10 rows.
    term.keys('PageDown');
    const paged = await term.waitFor(/^> domainadmin@/m);
    expect(tableOf(paged).rows).toHaveLength(10);

    // And back to 80×24.
    term.resize(80, 24);
    const again = await waitUntil(
      term,
      'an 80-column header and a 14-row table',
      (s) => headerFits(s, 80) && tableOf(s).rows.length === 14,
    );
    expect(selectedLine(again)).toMatch(/^> domainadmin@example\.com/);

    // Narrower columns still read as columns: no cell runs into the next one.
    expect(collidingRows(wide)).toEqual([]);
    expect(collidingRows(narrow)).toEqual([]);
  });

  it('keeps the header on one line on deep screens at 80 columns, the badge included', async () => {
    app = startCasella();
    const { term } = app;
    await toMarioRossi(term);
    term.keys('j');
    await term.waitFor('> Reset password');
    term.keys('Enter');
    const deep = await term.waitFor('Reset the password of mario.rossi@example.com');
    // Shown this way so a failure prints the two lines.
    expect(linesOf(deep).slice(0, 2)).toEqual([
      expect.stringMatching(/^\S.* \[DEMO\]$/),
      expect.stringMatching(/^\S+ · demo · admin@example\.com$/),
    ]);
    expect(headerFits(deep, 80)).toBe(true);
  });

  it('cuts a form taller than a 60×20 terminal at its bottom, never merging or dropping lines above', async () => {
    app = startCasella({ cols: 60, rows: 20 });
    const { term } = app;
    await waitForHome(term);
    await toDashboard(term);
    term.keys('j', 'Enter');
    await term.waitFor('12 of 40 slots free');
    term.type('zz');
    term.keys('Tab', 'Right');
    await term.waitFor('No Professional slot is free');
    term.keys('Enter');
    const screen = await term.waitFor(/Error: No Professional slot is free/);
    const lines = linesOf(screen);
    // Every field in order, then the checklist.
    const fields = lines.filter((l) =>
      /^[> ] (Name|Type|Password|Repeat password|First name|Last name)( |$)/.test(l),
    );
    expect(fields.map((l) => l.slice(2).split(/ {2,}/)[0]?.trim())).toEqual([
      'Name',
      'Type',
      'Password',
      'Repeat password',
      'First name',
      'Last name',
    ]);
    // Every rule of the policy shows (two columns when the form leaves too few lines), each whole or cut with …
    const rules = lines
      .filter((l) => l.startsWith('['))
      .flatMap((l) => l.split(/(?=\[[ x]\] )/).map((item) => item.trim()));
    expect(rules).toHaveLength(7);
    for (const rule of rules) expect(rule).toMatch(/^\[[ x]\] (at least|at most|the two|only) [^[]*[a-z)…]$/);
    expect(lines.at(-1)).toMatch(/\? help\s+q quit$/);
  });
});
