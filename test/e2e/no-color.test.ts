import { afterEach, describe, expect, it } from 'vitest';
import { type Casella, linesOf, selectedLine, startCasella, waitForHome } from './casella.ts';

// Any SGR sequence (colour, bold, inverse) in `tmux capture-pane -e` output.
const SGR = /\x1b\[[0-9;]*m/;

let app: Casella | undefined;

afterEach(() => {
  app?.close();
  app = undefined;
});

/** Lines that carry the selection marker. */
function markedLines(screen: string): string[] {
  return linesOf(screen).filter((line) => line.startsWith('> '));
}

describe('casella in a real terminal: the selected row without colour', { timeout: 60_000 }, () => {
  it('draws in colour on a 256-colour terminal (the contrast NO_COLOR removes)', async () => {
    app = startCasella();
    await waitForHome(app.term);
    const coloured = app.term.screen({ escapes: true });
    expect(coloured).toMatch(SGR);
  });

  it('with NO_COLOR=1 draws no colour or inverse at all, and the > marker alone shows the selected row as it moves', async () => {
    app = startCasella({ env: { NO_COLOR: '1' } });
    const { term } = app;
    await waitForHome(term);
    expect(term.screen({ escapes: true })).not.toMatch(SGR);
    expect(markedLines(term.screen())).toEqual(['> Domains']);

    term.keys('j');
    await term.waitFor('> PEC (postmaster)');
    expect(markedLines(term.screen())).toEqual(['> PEC (postmaster)']);

    // In a table too: exactly one row is marked, and the mark follows the cursor.
    term.keys('k', 'Enter');
    await term.waitFor('oldshop.it');
    term.keys('Enter');
    await term.waitFor('Mail service:');
    term.keys('Enter');
    const list = await term.waitFor('(40 of 40)');
    expect(markedLines(list)).toHaveLength(1);
    expect(selectedLine(list)).toMatch(/^> admin@example\.com/);
    term.keys('Down', 'Down');
    const moved = await term.waitFor(/^> alessia\.villa@/m);
    expect(markedLines(moved)).toHaveLength(1);
    expect(term.screen({ escapes: true })).not.toMatch(SGR);
  });
});
