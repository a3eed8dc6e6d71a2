import { describe, expect, it } from 'vitest';
import { csvCell } from '../../tui/src/csv-cell.ts';
import { ndjson, useCliMock } from './run-casella.ts';

const cli = useCliMock();

describe('casella export', { timeout: 60_000 }, () => {
  it('writes every mailbox of a domain as CSV with the import columns and no password', async () => {
    const run = await cli.run(['export', ...cli.admin, '--domain', 'example.com']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('address,givenName,sn,displayName,type,quota,status');
    expect(lines).toHaveLength(41);
    expect(lines).toContain('mario.rossi@example.com,Mario,Rossi,Mario Rossi,Standard,5368709120,active');
    expect(lines).toContain(
      'fabio.rinaldi@example.com,Fabio,Rinaldi,Fabio Rinaldi,Standard,5368709120,locked',
    );
    expect(run.stdout).not.toContain('Casella-Demo-1!');
    // A pipe is not a terminal: no progress bar, nothing at all on stderr.
    expect(run.stderr).toBe('');
  });

  it('quotes a display name with a comma or a semicolon, so spreadsheets read it back whole', async () => {
    const modify = await cli.run([
      'accounts',
      'modify',
      'mario.rossi@example.com',
      ...cli.admin,
      '--display-name',
      'Rossi, Mario; "Roma"',
    ]);
    expect(modify.code).toBe(0);
    const run = await cli.run(['export', ...cli.admin, '--domain', 'example.com']);
    expect(run.stdout).toContain('mario.rossi@example.com,Mario,Rossi,"Rossi, Mario; ""Roma""",Standard');
  });

  it('writes NDJSON with --format ndjson', async () => {
    const run = await cli.run(['export', ...cli.admin, '--domain', 'oldshop.it', '--format', 'ndjson']);
    expect(run.code).toBe(0);
    const rows = ndjson<{ address: string; type: string; quota: number; status: string }>(run.stdout);
    expect(rows.map((r) => r.address).sort()).toEqual([
      'carlo.verdi@oldshop.it',
      'info.oldshop@oldshop.it',
      'ordini.oldshop@oldshop.it',
    ]);
    expect(rows[0]).toMatchObject({ type: 'Standard', quota: 5 * 1024 ** 3 });
  });

  it('puts a quote before cells a spreadsheet would run as formulas, and --raw-cells writes them as stored', async () => {
    const modify = await cli.run([
      'accounts',
      'modify',
      'giulia.bianchi@example.com',
      ...cli.admin,
      '--given-name',
      '=HYPERLINK("http://evil.example/","x")',
      '--sn',
      '@SUM(A1:A9)',
      '--display-name',
      '+39 06 1234',
    ]);
    expect(modify.stderr).toBe('');
    expect(modify.code).toBe(0);
    const guarded = await cli.run(['export', ...cli.admin, '--domain', 'example.com']);
    expect(guarded.code).toBe(0);
    expect(guarded.stdout).toContain(
      `\r\ngiulia.bianchi@example.com,"'=HYPERLINK(""http://evil.example/"",""x"")",'@SUM(A1:A9),'+39 06 1234,Professional,`,
    );
    const raw = await cli.run(['export', ...cli.admin, '--domain', 'example.com', '--raw-cells']);
    expect(raw.code).toBe(0);
    expect(raw.stdout).toContain(
      `giulia.bianchi@example.com,"=HYPERLINK(""http://evil.example/"",""x"")",@SUM(A1:A9),+39 06 1234,Professional,`,
    );
    // NDJSON is for programs: values exactly as stored.
    const json = await cli.run(['export', ...cli.admin, '--domain', 'example.com', '--format', 'ndjson']);
    const carlo = ndjson<{ address: string; givenName: string }>(json.stdout).find(
      (r) => r.address === 'giulia.bianchi@example.com',
    );
    expect(carlo?.givenName).toBe('=HYPERLINK("http://evil.example/","x")');
  });

  it('needs --domain (exit 2)', async () => {
    const run = await cli.run(['export', ...cli.admin]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--domain is required.');
  });
});

describe('csvCell', () => {
  it('guards every formula start OWASP names (= + - @ tab carriage return) and leaves other text and numbers alone', () => {
    const guard = { guardFormulas: true };
    expect(csvCell('=1+1', guard)).toBe("'=1+1");
    expect(csvCell('+1', guard)).toBe("'+1");
    expect(csvCell('-1', guard)).toBe("'-1");
    expect(csvCell('@A1', guard)).toBe("'@A1");
    expect(csvCell('\t=1', guard)).toBe("'\t=1");
    expect(csvCell('\r=1', guard)).toBe('"\'\r=1"');
    expect(csvCell('Anna', guard)).toBe('Anna');
    expect(csvCell('Anna=Bea', guard)).toBe('Anna=Bea');
    expect(csvCell(-5, guard)).toBe('-5');
    expect(csvCell('=1+1')).toBe('=1+1');
  });
});
