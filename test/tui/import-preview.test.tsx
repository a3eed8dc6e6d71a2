import { describe, expect, it } from 'vitest';
import { keyEvent } from '../../tui/src/keys/key-event.ts';
import type { Ctx } from '../../tui/src/state/screen-base.ts';
import { importLogic, importScreen } from '../../tui/src/state/screens/import.ts';
import { KEY, press, renderApp, waitForText } from './helpers.tsx';
import {
  domainState,
  openHomeEntry,
  previewFile,
  STEP,
  toImport,
  useImportBench,
  writeCsv,
} from './import-helpers.tsx';

const bench = useImportBench();
const CTX: Ctx = {
  page: 10,
  env: { demo: true, user: 'admin@example.com', server: 'localhost', pecUser: '', pecPassword: '' },
};
const HEADER = 'address,password,givenName,sn,type';
const PASSWORD = 'Import-Pass-42!';

describe('the Import screen preview', () => {
  it('refuses a file of more Professional mailboxes than free slots with the numbers, and writes nothing', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `pro${i}@example.com,${PASSWORD},Pro,Nr${i},Professional`,
    );
    const file = writeCsv(bench.dir, 'too-many.csv', HEADER, rows);
    const before = await domainState(bench.direct, 'example.com');
    const ui = renderApp(bench.session);
    await toImport(ui);
    const frame = await previewFile(ui, file);
    const free = (await bench.session.zimbra.dashboard('example.com')).types.find(
      (t) => t.cosName === 'Professional',
    )?.free;
    expect(frame).toContain(`Professional on example.com: 12 to create, only ${free} free — refused`);
    expect(frame).toContain('Refused before any write');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'cannot be imported as it is', STEP);
    expect(await domainState(bench.direct, 'example.com')).toEqual(before);
    expect(bench.proxy.stats.writes).toEqual({});
  });

  it('shows each refused row with its line, address and reason in plain words', async () => {
    const file = writeCsv(bench.dir, 'bad-rows.csv', HEADER, [
      `anna@bulk.example.com,${PASSWORD},Anna,Verdi,Standard`,
      `not-an-address,${PASSWORD},Bad,Row,Standard`,
      `anna@bulk.example.com,${PASSWORD},Anna,Again,Standard`,
      `carlo@nowhere.example,${PASSWORD},Carlo,Neri,Standard`,
      `dario@bulk.example.com,${PASSWORD},Dario,Blu,Gold`,
    ]);
    const ui = renderApp(bench.session);
    await toImport(ui);
    const frame = await previewFile(ui, file);
    expect(frame).toMatch(/3\s+not-an-address\s+refused\s+address: is not an address like/);
    expect(frame).toMatch(/4\s+anna@bulk\.example\.com\s+refused\s+address: appears twice in the file/);
    expect(frame).toMatch(/5\s+carlo@nowhere\.example\s+refused\s+address: the domain does not exist/);
    expect(frame).toMatch(/6\s+dario@bulk\.example\.com\s+refused\s+type: no mailbox type has this name/);
    expect(frame).toContain('The dry run of bad-rows.csv refuses the import');
    expect(await domainState(bench.direct, 'bulk.example.com')).toEqual([]);
    expect(bench.proxy.stats.writes).toEqual({});
  });

  it('names the file that cannot be read, and stays on the path field', async () => {
    const ui = renderApp(bench.session);
    await toImport(ui);
    ui.stdin.write(`${bench.dir}/missing.csv`);
    await waitForText(ui.lastFrame, 'missing.csv', STEP);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'there is no such file.', STEP);
    expect(ui.lastFrame()).toContain('File:');
  });

  it('shows the current folder that a relative path is read from', async () => {
    const ui = renderApp(bench.session);
    await toImport(ui);
    expect(ui.lastFrame()).toContain(`Current folder: ${process.cwd()}`);
  });

  it('picks the files of the current folder with ↑/↓ into the path field', () => {
    // As the reducer hands it over: the answered read no longer pending.
    const loaded = importLogic.onLoaded?.(
      { ...importScreen(), pending: null },
      { kind: 'importSetup', setup: { cwd: '/data', files: ['a.csv', 'b.ndjson'] } },
      CTX,
    );
    const screen = loaded?.screen ?? importScreen();
    const down = importLogic.onKey(screen, keyEvent('', 'down'), CTX).screen;
    expect(down.path.text).toBe('a.csv');
    const again = importLogic.onKey(down, keyEvent('', 'down'), CTX).screen;
    expect(again.path.text).toBe('b.ndjson');
    expect(importLogic.onKey(again, keyEvent('', 'up'), CTX).screen.path.text).toBe('a.csv');
  });

  it('speaks Italian: the capacity line, the prompt with s, and the outcome with feminine caselle', async () => {
    const file = writeCsv(bench.dir, 'due.csv', HEADER, [
      `uno@example.com,${PASSWORD},Uno,Primo,Standard`,
      `due@example.com,${PASSWORD},Due,Secondo,Standard`,
    ]);
    const ui = renderApp(bench.session, 'it');
    await openHomeEntry(ui, 'Domini', 'Importa');
    await waitForText(ui.lastFrame, 'Cartella attuale:', STEP);
    ui.stdin.write(file);
    await waitForText(ui.lastFrame, 'due.csv', STEP);
    await press(ui.stdin, KEY.enter);
    const preview = await waitForText(ui.lastFrame, 'Premi s per creare 2 caselle — righe nel file: 2', STEP);
    expect(preview).toMatch(/Standard su example\.com: da creare 2, libere \d+/);
    expect(preview).toMatch(/2\s+uno@example\.com\s+da creare/);
    await press(ui.stdin, 's');
    const done = await waitForText(
      ui.lastFrame,
      'Importazione di due.csv conclusa: 2 create, 0 già presenti.',
      STEP,
    );
    expect(done).toContain('create: 2');
  });
});
