import { describe, expect, it } from 'vitest';
import { keyEvent } from '../../tui/src/keys/key-event.ts';
import {
  type CommandCtx,
  type CommandLine,
  commandKey,
  complete,
  openCommandLine,
  withAnswer,
} from '../../tui/src/state/command-line.ts';
import { resolveCommand } from '../../tui/src/state/command-resolve.ts';
import { lineOf } from '../../tui/src/state/line-edit.ts';
import { homeScreen } from '../../tui/src/state/screens/home.ts';

const EN: CommandCtx = { lang: 'en', contextDomain: null, history: [] };
const DOMAINS = ['example.com', 'oldshop.it'];
const ENV = { demo: true, user: 'admin@example.com', server: 'demo', pecUser: 'p', pecPassword: 'x' };

function typed(text: string, extra: Partial<CommandLine> = {}): CommandLine {
  return { ...openCommandLine(), line: lineOf(text), ...extra };
}

const resolveCtx = (domains: readonly string[] | null = DOMAINS) => ({
  stack: [{ ...homeScreen(), id: 1 }],
  env: ENV,
  domains,
  contextDomain: null,
});

describe('the command line parser and completer', () => {
  it('completes a unique command name and adds the space its argument needs', () => {
    expect(complete(typed('mailboxe'), EN).line.text).toBe('mailboxes ');
    expect(complete(typed('act'), EN).line.text).toBe('activity');
  });

  it('extends several matching names to their common start, lists them, and cycles on the next Tab', () => {
    const first = complete(typed('mailb'), EN);
    expect(first.line.text).toBe('mailbox');
    expect(first.cycle?.candidates).toEqual(['mailboxes', 'mailbox']);
    const second = complete(first, EN);
    expect(second.line.text).toBe('mailboxes');
    expect(complete(second, EN).line.text).toBe('mailbox');
  });

  it('offers the Italian names in Italian', () => {
    expect(complete(typed('case'), { ...EN, lang: 'it' }).cycle?.candidates).toEqual(['caselle', 'casella']);
    expect(complete(typed('case'), EN).message?.key).toBe('command.noMatch');
  });

  it('waits for the domain names before completing a domain, then completes with the answer', () => {
    const waiting = complete(typed('mailboxes ex'), EN);
    expect(waiting.waiting).toBe('complete');
    expect(waiting.want).toEqual({ kind: 'domains' });
    const done = withAnswer(waiting, 'domains', { kind: 'domains', names: DOMAINS }, EN);
    expect(done.line.text).toBe('mailboxes example.com');
    expect(done.want).toBeNull();
  });

  it('completes the domain of an address, then asks the server for addresses starting with the local part', () => {
    const domain = complete(typed('mailbox mario@ex', { domains: DOMAINS }), EN);
    expect(domain.line.text).toBe('mailbox mario@example.com');
    const asking = complete(domain, EN);
    expect(asking.want).toEqual({ kind: 'addresses', domain: 'example.com', prefix: 'mario' });
    const key = 'addresses\u0000example.com\u0000mario';
    const matches = { addresses: ['mario.rossi@example.com'], total: 1 };
    expect(withAnswer(asking, key, { kind: 'addresses', matches }, EN).line.text).toBe(
      'mailbox mario.rossi@example.com',
    );
  });

  it('searches the domain of the screen below for an address typed without @', () => {
    const asking = complete(typed('mailbox mar', { domains: DOMAINS }), {
      ...EN,
      contextDomain: 'example.com',
    });
    expect(asking.want).toEqual({ kind: 'addresses', domain: 'example.com', prefix: 'mar' });
    expect(complete(typed('mailbox mar', { domains: DOMAINS }), EN).message?.key).toBe('command.needAt');
  });

  it('says how many more addresses match than the one page it read', () => {
    const asking = typed('mailbox a@example.com', {
      domains: DOMAINS,
      want: { kind: 'addresses', domain: 'example.com', prefix: 'a' },
      waiting: 'complete',
    });
    const matches = { addresses: ['a1@example.com', 'a2@example.com'], total: 7 };
    const done = withAnswer(asking, 'addresses\u0000example.com\u0000a', { kind: 'addresses', matches }, EN);
    expect(done.cycle?.candidates).toEqual(matches.addresses);
    expect(done.message).toEqual({ tone: 'info', key: 'command.more', params: { count: 5 } });
  });

  it('browses the session history with up and down, giving back the line typed before', () => {
    const ctx = { ...EN, history: ['domains', 'pec'] };
    let cmd = typed('mail');
    const step = (name: 'up' | 'down') => {
      const s = commandKey(cmd, keyEvent('', name), ctx);
      if (s.type !== 'edit') throw new Error('not an edit');
      cmd = s.cmd;
      return cmd.line.text;
    };
    expect(step('up')).toBe('pec');
    expect(step('up')).toBe('domains');
    expect(step('up')).toBe('domains');
    expect(step('down')).toBe('pec');
    expect(step('down')).toBe('mail');
  });

  it('edits the line with the readline keys of the text fields', () => {
    const s = commandKey(typed('mailboxes example.com'), keyEvent('w', null, true), EN);
    expect(s.type === 'edit' && s.cmd.line.text).toBe('mailboxes example.');
  });

  it('runs on Enter with the trimmed line and closes on Esc or on an empty Enter', () => {
    expect(commandKey(typed(' pec '), keyEvent('', 'enter'), EN)).toMatchObject({ type: 'run', text: 'pec' });
    expect(commandKey(typed('pec'), keyEvent('', 'escape'), EN)).toEqual({ type: 'close' });
    expect(commandKey(typed('  '), keyEvent('', 'enter'), EN)).toEqual({ type: 'close' });
  });

  it('resolves :mailboxes example.com to Home, Domains, the dashboard and the Mailboxes list', () => {
    const res = resolveCommand('mailboxes example.com', resolveCtx());
    if (res.kind !== 'jump') throw new Error(`not a jump: ${res.kind}`);
    expect(res.keep).toBe(1);
    expect(res.screens.map((s) => s.kind)).toEqual(['domains', 'dashboard', 'mailboxes']);
  });

  it('resolves the Italian :casella to the Mailbox screen of the address', () => {
    const res = resolveCommand('casella Mario.Rossi@Example.com', resolveCtx());
    if (res.kind !== 'jump') throw new Error(`not a jump: ${res.kind}`);
    expect(res.screens.at(-1)).toMatchObject({ kind: 'mailbox', address: 'Mario.Rossi@example.com' });
  });

  it('names an unknown command and a missing domain, and asks for the domains when not read yet', () => {
    expect(resolveCommand('mailbx', resolveCtx())).toMatchObject({
      kind: 'error',
      message: { key: 'command.unknown', params: { command: 'mailbx' } },
    });
    expect(resolveCommand('domain nowhere.it', resolveCtx())).toMatchObject({
      kind: 'error',
      message: { key: 'command.noDomain', params: { domain: 'nowhere.it' } },
    });
    expect(resolveCommand('domain oldshop.it', resolveCtx(null))).toEqual({
      kind: 'need',
      want: { kind: 'domains' },
    });
    expect(resolveCommand('mailbox mario', resolveCtx())).toMatchObject({
      kind: 'error',
      message: { key: 'command.badAddress' },
    });
  });
});
