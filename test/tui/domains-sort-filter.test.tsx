import { describe, expect, it } from 'vitest';
import { KEY, press, renderApp, type Ui, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

/** The domain names in table order, as the frame shows them. */
function domainsOf(frame: string): string[] {
  return [...frame.matchAll(/^[> ] (example\.com|oldshop\.it)\b/gm)].map((m) => m[1] as string);
}

async function toDomains(ui: Ui): Promise<string> {
  await waitForText(ui.lastFrame, 'Domains');
  await press(ui.stdin, KEY.enter);
  return waitForText(ui.lastFrame, 'oldshop.it');
}

describe('the Domains list filters as you type and sorts by name and status', () => {
  it('shows the count and where the cursor is, as 2/2', async () => {
    const ui = renderApp(demo.session);
    const frame = await toDomains(ui);
    expect(frame).toContain('(2 of 2) 1/2');
    await press(ui.stdin, 'j');
    await waitForText(ui.lastFrame, '2/2');
  });

  it('filters as you type after /, and Esc shows every domain again', async () => {
    const ui = renderApp(demo.session);
    await toDomains(ui);
    await press(ui.stdin, '/', ...'old');
    const frame = await waitForText(ui.lastFrame, '(1 of 2) 1/1');
    expect(domainsOf(frame)).toEqual(['oldshop.it']);
    expect(frame).toContain('/old_');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, '/old');
    await press(ui.stdin, KEY.enter);
    // Enter opens the one domain left: its dashboard says it is suspended.
    await waitForText(ui.lastFrame, 'Mail service:');
    expect(ui.lastFrame()).toContain('oldshop.it');
  });

  it('says so when no domain matches, and Esc clears the filter', async () => {
    const ui = renderApp(demo.session);
    await toDomains(ui);
    await press(ui.stdin, '/', ...'zzz');
    await waitForText(ui.lastFrame, 'No domain matches.');
    await press(ui.stdin, KEY.esc);
    const frame = await waitForText(ui.lastFrame, '(2 of 2)');
    expect(domainsOf(frame)).toEqual(['example.com', 'oldshop.it']);
  });

  it('reverses the name order with N, and with r', async () => {
    const ui = renderApp(demo.session);
    await toDomains(ui);
    await press(ui.stdin, 'N');
    let frame = await waitForText(ui.lastFrame, 'Domain ▼');
    expect(domainsOf(frame)).toEqual(['oldshop.it', 'example.com']);
    await press(ui.stdin, 'r');
    frame = await waitForText(ui.lastFrame, '> example.com');
    expect(domainsOf(frame)).toEqual(['example.com', 'oldshop.it']);
  });

  it('sorts by status with S and shows only one status with f', async () => {
    const ui = renderApp(demo.session);
    await toDomains(ui);
    await press(ui.stdin, 'S', 'S');
    let frame = await waitForText(ui.lastFrame, 'Status ▼');
    // suspended after active, reversed: suspended first.
    expect(domainsOf(frame)).toEqual(['oldshop.it', 'example.com']);
    await press(ui.stdin, 'f', 'f');
    frame = await waitForText(ui.lastFrame, '[status: suspended]');
    expect(domainsOf(frame)).toEqual(['oldshop.it']);
    await press(ui.stdin, 'f');
    await waitForText(ui.lastFrame, '(2 of 2)');
    expect(ui.lastFrame()).not.toContain('[status:');
  });

  it('lists its keys in the footer and the help screen, in Italian too', async () => {
    const ui = renderApp(demo.session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'oldshop.it');
    expect(frame).toContain('N/S ordina');
    await press(ui.stdin, '?');
    const help = await waitForText(ui.lastFrame, 'Ordina: N nome, S stato; di nuovo o r: al contrario');
    expect(help).toContain('Mostra solo le caselle');
  });
});
