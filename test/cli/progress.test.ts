import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pecSeeds, zimbraSeeds } from '@casella/mock-server';
import { describe, expect, it } from 'vitest';
import { TmuxTerminal } from '../e2e/tmux.ts';
import { CASELLA_BIN, DEMO_PASSWORD, useCliMock } from './run-casella.ts';

// 2,000 mailboxes answered slowly: an export takes a few seconds, long enough to see its progress.
const cli = useCliMock({
  seed: { zimbra: zimbraSeeds.bulk(2000), pec: pecSeeds.empty() },
  faults: { latencyMs: 700 },
});

describe('the progress bar', { timeout: 90_000 }, () => {
  it('is drawn on stderr with count, rate and time left when stderr is a terminal, and cleared at the end', async () => {
    const out = join(cli.dir, 'export.csv');
    const term = new TmuxTerminal(
      `${process.execPath} ${CASELLA_BIN} export --domain bulk.example.com --url ${cli.mock.url} --user admin@example.com > ${out}`,
      { env: { CASELLA_PASSWORD: DEMO_PASSWORD, CASELLA_JOURNAL: 'off', LANG: 'C.UTF-8' } },
    );
    try {
      const screen = await term.waitFor(/\[[#-]{24}\] \d+\/2000 +\d+\/s +ETA \d+:\d\d/, 60_000);
      expect(screen).not.toContain('address,givenName');
      expect(await term.waitForExit(60_000)).toBe(0);
      expect(term.screen()).not.toMatch(/\d+\/2000/);
      // stdout got the whole CSV and nothing of the bar.
      const lines = readFileSync(out, 'utf8')
        .split('\r\n')
        .filter((l) => l !== '');
      expect(lines).toHaveLength(2001);
      expect(readFileSync(out, 'utf8')).not.toContain('ETA');
    } finally {
      term.close();
    }
  });
});
