import { describe, expect, it, vi } from 'vitest';
import {
  KEY,
  press,
  renderApp,
  toPecSearch as toPecSearchFrame,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

/** PEC addresses listed as rows of the search table. */
function listed(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => /^[> ] \S+@pec\.example\.it/.test(line))
    .map((line) => line.slice(2).split(/\s+/)[0] ?? '');
}

/** From Home: the PEC search, every mailbox listed; returns them in the server's order. */
async function toPecSearch(ui: Ui): Promise<string[]> {
  return listed(await toPecSearchFrame(ui));
}

describe('the PEC list sorts and filters with the keys of Mailboxes', () => {
  it('shows where the cursor is, as 2/13', async () => {
    const ui = renderApp(demo.session);
    const all = await toPecSearch(ui);
    await waitForText(ui.lastFrame, `1/${all.length}`);
    await press(ui.stdin, 'j');
    await waitForText(ui.lastFrame, `2/${all.length}`);
  });

  it('sorts by quota use with U, fullest first, and r reverses it', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    await press(ui.stdin, 'U');
    let frame = await waitForText(ui.lastFrame, 'Quota ▼');
    // protocollo (1010 MiB) and fatture (803 MiB) are the fullest of the demo's PEC mailboxes.
    expect(listed(frame).slice(0, 2)).toEqual(['protocollo@pec.example.it', 'fatture@pec.example.it']);
    await press(ui.stdin, 'r');
    frame = await waitForText(ui.lastFrame, 'Quota ▲');
    expect(listed(frame).at(-1)).toBe('protocollo@pec.example.it');
  });

  it('sorts by address with A, descending the second time', async () => {
    const ui = renderApp(demo.session);
    const all = await toPecSearch(ui);
    await press(ui.stdin, 'A');
    const frame = await waitForText(ui.lastFrame, 'Address ▼');
    const rows = listed(frame);
    expect(rows).toEqual([...all].sort((a, b) => b.localeCompare(a)).slice(0, rows.length));
  });

  it('shows only suspended mailboxes after f, combined with the text filter', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    await press(ui.stdin, 'f', 'f');
    const frame = await waitForText(ui.lastFrame, '[status: suspended]');
    await vi.waitFor(() => expect(listed(ui.lastFrame() ?? '')).toEqual(['luca.esposito@pec.example.it']));
    expect(frame).toContain('1/1');
    await press(ui.stdin, '/', ...'rossi', KEY.enter);
    await waitForText(ui.lastFrame, 'No mailbox matches.');
    await press(ui.stdin, 'f');
    await vi.waitFor(() => expect(listed(ui.lastFrame() ?? '')).toEqual(['mario.rossi@pec.example.it']), {
      timeout: 5000,
    });
  });

  it('lists the sort and status keys in the footer', async () => {
    const ui = renderApp(demo.session);
    const frame = await toPecSearch(ui).then(() => ui.lastFrame() ?? '');
    expect(frame).toContain('A/S/U sort');
    expect(frame).toContain('f status');
  });
});
