import { describe, expect, it } from 'vitest';
import { KEY, press, renderApp, toMailboxes, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

describe('the : command line', () => {
  it('jumps to the Mailboxes of example.com and goes back through its dashboard and Domains with Esc', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    await press(stdin, ':');
    await waitForText(lastFrame, 'Tab complete');
    await press(stdin, ...'mailboxes example.com', KEY.enter);
    const list = await waitForText(lastFrame, 'alessandro.colombo@example.com');
    expect(list.split('\n')[0]).toContain('Mailboxes');
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, 'Mail service:');
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, 'oldshop.it');
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, 'Change my password');
  });

  it('completes the command and the domain with Tab, reading the domains on demand', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    await press(stdin, ':', ...'dom');
    await waitForText(lastFrame, ':dom_');
    await press(stdin, KEY.tab);
    // Two commands start with "dom": both are listed, the line gets their common start.
    const listed = await waitForText(lastFrame, ':domain_');
    expect(listed).toContain('domains  domain');
    await press(stdin, KEY.tab, KEY.tab);
    await waitForText(lastFrame, ':domain_');
    await press(stdin, ' ', 'o', KEY.tab);
    await waitForText(lastFrame, ':domain oldshop.it_');
    await press(stdin, KEY.enter);
    await waitForText(lastFrame, 'Mail service:');
    expect(lastFrame()?.split('\n')[0]).toContain('oldshop.it');
  });

  it('completes an address with a prefix search of the domain, then opens its Mailbox screen', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    await press(stdin, ':', ...'mailbox mar@example.com');
    await waitForText(lastFrame, ':mailbox mar@example.com_');
    await press(stdin, KEY.tab);
    // Three local parts start with "mar" (anna.mariani only contains it, so it is not offered).
    const listed = await waitForText(lastFrame, 'martina.rizzo@example.com');
    expect(listed).toContain('marco.marino@example.com');
    expect(listed).toContain('mario.rossi@example.com');
    expect(listed).not.toContain('anna.mariani@example.com');
    await press(stdin, KEY.tab, KEY.tab);
    await waitForText(lastFrame, ':mailbox mario.rossi@example.com_');
    await press(stdin, KEY.enter);
    const mailbox = await waitForText(lastFrame, 'Reset password');
    expect(mailbox.split('\n')[0]).toContain('mario.rossi@example.com');
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, 'alessandro.colombo@example.com');
  });

  it('names an unknown command and keeps the line to fix it', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    await press(stdin, ':', ...'mailboxs example.com', KEY.enter);
    await waitForText(lastFrame, 'Unknown command: mailboxs.');
    expect(lastFrame()).toContain(':mailboxs example.com_');
    await press(stdin, KEY.esc);
    await waitForText(lastFrame, '? help');
    expect(lastFrame()).not.toContain('Unknown command');
  });

  it('names a domain the server does not have', async () => {
    const { stdin, lastFrame } = renderApp(demo.session);
    await waitForText(lastFrame, 'Domains');
    await press(stdin, ':', ...'domain nowhere.it', KEY.enter);
    await waitForText(lastFrame, 'No domain named nowhere.it on this server.');
  });

  it('gives back the lines run this session with up and down', async () => {
    const ui = renderApp(demo.session);
    const { stdin, lastFrame } = ui;
    await waitForText(lastFrame, 'Domains');
    await press(stdin, ':', ...'domains', KEY.enter);
    await waitForText(lastFrame, 'oldshop.it');
    await press(stdin, ':', ...'activity', KEY.enter);
    await waitForText(lastFrame, 'Activity');
    await press(stdin, ':');
    await waitForText(lastFrame, 'Tab complete');
    await press(stdin, KEY.up);
    await waitForText(lastFrame, ':activity_');
    await press(stdin, KEY.up);
    await waitForText(lastFrame, ':domains_');
    await press(stdin, KEY.down, KEY.down);
    await waitForText(lastFrame, 'Tab complete');
    expect(lastFrame()).toMatch(/^:_$/m);
  });

  it('uses the mailbox list it was opened on for :mailboxes with no domain', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Reset password');
    await press(ui.stdin, ':', ...'mailboxes', KEY.enter);
    // Back on the same list, its rows kept: the stack is not rebuilt.
    await waitForText(ui.lastFrame, 'alessandro.colombo@example.com');
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Mail service:');
  });

  it('speaks Italian: :caselle and the prompt keys', async () => {
    const { stdin, lastFrame } = renderApp(demo.session, 'it');
    await waitForText(lastFrame, 'Domini');
    await press(stdin, ':');
    await waitForText(lastFrame, 'Invio vai');
    await press(stdin, ...'caselle example.com', KEY.enter);
    await waitForText(lastFrame, 'alessandro.colombo@example.com');
  });

  it('is not opened by : while a text field takes letters', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ':');
    await waitForText(ui.lastFrame, '/:');
    expect(ui.lastFrame()).not.toContain('Tab complete');
  });
});
