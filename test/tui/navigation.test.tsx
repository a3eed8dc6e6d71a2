import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../tui/src/i18n/index.tsx';
import { binding, GLOBAL_BINDINGS } from '../../tui/src/keys/bindings.ts';
import { logicOf } from '../../tui/src/state/registry.ts';
import { mailboxesScreen } from '../../tui/src/state/screens/mailboxes.ts';
import { KEY, press, renderApp, toMailboxes, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

describe('navigation, footer and help', () => {
  it('shows Home with the DEMO badge, a breadcrumb and a footer of the keys that work there', async () => {
    const { lastFrame } = renderApp(demo.session);
    const frame = await waitForText(lastFrame, 'Domains');
    expect(frame).toContain('[DEMO]');
    expect(frame.split('\n')[0]).toContain('casella');
    expect(frame).toContain('Enter open');
    expect(frame).toContain('q quit');
  });

  it('reaches the Mailboxes table of example.com and follows the breadcrumb back with Esc', async () => {
    const ui = renderApp(demo.session);
    const { stdin, lastFrame } = ui;
    await toMailboxes(ui);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('casella › Domains › example.com › Mailboxes');
    expect(frame).toContain('/ filter');
    // Eleven keys do not fit on one line: the footer takes a second one instead of cutting them off.
    for (const keys of ['n new', 'd delete', 'Esc/h back', 'R refresh', '? help', 'q quit']) {
      expect(frame).toContain(keys);
    }
    expect(frame).not.toMatch(/…$/m);
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, 'Buy / raise mailbox slots');
  });

  it('survives a burst of keys written without waiting (fast typing over SSH)', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    stdin.write('\r');
    await waitForText(lastFrame, 'oldshop.it');
    stdin.write('\r');
    await waitForText(lastFrame, 'Mail service:');
    // Enter, then "/" and "rossi" at once, with no awaits: each key must reach the right screen.
    stdin.write('\r');
    await waitForText(lastFrame, 'alessandro.colombo@example.com');
    stdin.write('/');
    stdin.write('r');
    stdin.write('o');
    stdin.write('ssi');
    await waitForText(lastFrame, '/rossi');
    // The filter goes to the server once typing pauses: wait for its answer.
    const frame = await waitForText(lastFrame, '(1 of 40)');
    expect(frame).toContain('mario.rossi@example.com');
    expect(frame).not.toContain('giulia.bianchi@example.com');
  });

  it('moves two rows for "jj" arriving in one chunk', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    stdin.write('jj');
    await waitForText(lastFrame, '> Change my password');
  });

  it('goes back one level for each of three Escapes arriving in one chunk', async () => {
    const ui = renderApp(demo.session);
    const { stdin, lastFrame } = ui;
    await toMailboxes(ui);
    // Ink reads "\x1b\x1b" as one Escape key: the second press must not be lost.
    stdin.write('\u001B\u001B\u001B');
    const frame = await waitForText(lastFrame, 'Logged in as');
    expect(frame.split('\n')[0]).not.toContain('›');
  });

  it('marks the selected row with ">" so it shows without colour (NO_COLOR)', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    await press(stdin, KEY.enter);
    const frame = await waitForText(lastFrame, 'oldshop.it');
    // The vitest environment sets FORCE_COLOR=0: no escape codes, so the marker is all that shows.
    expect(frame).not.toContain('\u001B[');
    expect(frame).toMatch(/^> example\.com/m);
    await press(stdin, 'j');
    await waitForText(lastFrame, '> oldshop.it');
  });

  it('builds the help screen from the keybinding table of the screen it was opened on', async () => {
    const ui = renderApp(demo.session);
    const { stdin, lastFrame } = ui;
    await toMailboxes(ui);
    await press(stdin, '?');
    const frame = await waitForText(lastFrame, 'Keys');
    const expected = [
      ...logicOf(mailboxesScreen('example.com')).footer(mailboxesScreen('example.com')),
      ...GLOBAL_BINDINGS,
      // Keys the list honours beyond its footer: help lists them too.
      ...(['pageUp', 'top', 'bottom'] as const),
    ];
    // A short terminal pairs ↑/↓, PgUp/PgDn and g/G on one row: those show the pair's help instead.
    const pairHelp: Partial<Record<string, string>> = {
      up: CATALOGUES.en['help.upDown'],
      down: CATALOGUES.en['help.upDown'],
      pageUp: CATALOGUES.en['help.pages'],
      pageDown: CATALOGUES.en['help.pages'],
      top: CATALOGUES.en['help.ends'],
      bottom: CATALOGUES.en['help.ends'],
    };
    for (const id of expected) {
      const own = CATALOGUES.en[binding(id).help];
      expect(frame.includes(own) || frame.includes(pairHelp[id] ?? own), `help of ${id}`).toBe(true);
    }
    // Every key once: no row repeated.
    const rows = frame.split('\n').filter((l) => l.trim() !== '');
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('speaks Italian with --lang it', async () => {
    const { lastFrame } = renderApp(demo.session, 'it');
    const frame = await waitForText(lastFrame, 'Domini');
    expect(frame).toContain('Cambia la mia password');
    expect(frame).toContain('Invio apri');
  });

  it('quits on Ctrl+C even when it arrives in one chunk with another key', async () => {
    const { stdin, lastFrame, frames } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    stdin.write(`j${KEY.ctrlC}`);
    const count = frames.length;
    await new Promise((r) => setTimeout(r, 50));
    stdin.write('j');
    await new Promise((r) => setTimeout(r, 50));
    // After the exit nothing renders any more.
    expect(frames.length).toBeLessThanOrEqual(count + 1);
  });
});
