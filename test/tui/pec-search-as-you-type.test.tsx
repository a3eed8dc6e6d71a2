import { describe, expect, it, vi } from 'vitest';
import { KEY, press, renderApp, toPecSearch, type Ui, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

/** PEC addresses listed as rows of the search table. */
function listed(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => /^[> ] \S+@pec\.example\.it/.test(line))
    .map((line) => line.slice(2).split(/\s+/)[0] ?? '');
}

/** Waits until the search table lists exactly `addresses`. */
async function waitForRows(ui: Ui, addresses: readonly string[]): Promise<string> {
  await vi.waitFor(() => expect(listed(ui.lastFrame() ?? '')).toEqual(addresses), {
    timeout: 5000,
    interval: 10,
  });
  return ui.lastFrame() ?? '';
}

describe('the PEC search filters as you type', () => {
  it('lists only the matching mailboxes while the query is still being typed, before Enter', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    await press(ui.stdin, '/', ...'rossi');
    const frame = await waitForRows(ui, ['mario.rossi@pec.example.it']);
    expect(frame).toContain('Name contains: rossi_');
  });

  it('keeps the filter after Enter, and the cursor opens the filtered mailbox', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    await press(ui.stdin, '/', ...'fatture', KEY.enter);
    const frame = await waitForRows(ui, ['fatture@pec.example.it']);
    expect(frame).toContain('Name contains: fatture');
    expect(frame).not.toContain('fatture_');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Role:');
  });

  it('clears the query from the header and lists every mailbox again on Esc while typing', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    const all = listed(ui.lastFrame() ?? '');
    expect(all.length).toBeGreaterThan(5);
    await press(ui.stdin, '/', ...'rossi');
    await waitForRows(ui, ['mario.rossi@pec.example.it']);
    await press(ui.stdin, KEY.esc);
    const frame = await waitForRows(ui, all);
    expect(frame).not.toContain('rossi_');
    expect(frame).toMatch(/Name contains: +\(press \/ to filter as you type\)/);
  });

  it('clears a kept filter with / then Esc and lists every mailbox again', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    const all = listed(ui.lastFrame() ?? '');
    await press(ui.stdin, '/', ...'fatture', KEY.enter);
    await waitForRows(ui, ['fatture@pec.example.it']);
    await press(ui.stdin, '/', KEY.esc);
    const frame = await waitForRows(ui, all);
    expect(frame).not.toContain('Name contains: fatture');
  });

  it('says that nothing matches a query no mailbox has', async () => {
    const ui = renderApp(demo.session);
    await toPecSearch(ui);
    await press(ui.stdin, '/', ...'zzzz');
    await waitForText(ui.lastFrame, 'No mailbox matches.');
    expect(listed(ui.lastFrame() ?? '')).toEqual([]);
  });
});

describe('the New mailbox form in Italian', () => {
  it('labels the address field "Nome casella", apart from the first name "Nome"', async () => {
    const ui = renderApp(demo.session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'oldshop.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'example.com');
    await press(ui.stdin, 'j', KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'Nuova casella');
    const labels = frame
      .split('\n')
      .filter((l) => /^[> ] \S/.test(l))
      .map((l) => l.slice(2).split(/ {2,}/)[0]?.trim());
    expect(labels).toContain('Nome casella');
    expect(labels.filter((l) => l === 'Nome')).toHaveLength(1);
  });
});
