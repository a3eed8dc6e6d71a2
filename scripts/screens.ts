// Prints the TUI's screens as text, drawn by the app's own frame against the demo mock: the README's
// screenshots and the Italian / English review read these.
// Usage: node --conditions=@casella/source --import tsx scripts/screens.ts [--lang it|en] [--size 80x24] [kind…]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockServer } from '@casella/mock-server';
import { drawFrame, ROUTES, tourTo } from '../test/tui/screen-tour.tsx';
import type { Lang } from '../tui/src/i18n/catalogue.ts';
import { createJournalStore } from '../tui/src/journal/index.ts';
import { connectSession } from '../tui/src/services/connect.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_POSTMASTER } from '../tui/src/services/demo.ts';
import { createProfileStore } from '../tui/src/services/profile-store.ts';
import { SCREEN_KINDS } from '../tui/src/state/registry.ts';
import type { ScreenKind } from '../tui/src/state/screen.ts';

const { values, positionals } = parseArgs({
  options: { lang: { type: 'string', default: 'en' }, size: { type: 'string', default: '80x24' } },
  allowPositionals: true,
});
const lang: Lang = values.lang === 'it' ? 'it' : 'en';
const [columns, rows] = (values.size ?? '80x24').split('x').map(Number) as [number, number];
const kinds = (positionals.length > 0 ? positionals : SCREEN_KINDS) as ScreenKind[];

const mock = await startMockServer({ seed: 'demo' });
const dir = mkdtempSync(join(tmpdir(), 'casella-screens-'));
const session = await connectSession({
  url: mock.url,
  user: DEMO_ADMIN,
  password: DEMO_PASSWORD,
  pecUrl: `${mock.url}/pec`,
  profiles: createProfileStore(dir),
  journal: createJournalStore(join(dir, 'journal.ndjson')),
  demo: true,
  pecUser: DEMO_POSTMASTER,
  pecPassword: DEMO_PASSWORD,
});
try {
  for (const kind of kinds) {
    const route = ROUTES[kind];
    if (!route) throw new Error(`no screen kind ${kind}; known: ${SCREEN_KINDS.join(', ')}`);
    const state = await tourTo(session, kind, lang, columns, rows);
    // The mock's port changes every run: print a fixed one so the text is stable.
    const lines = drawFrame(state, lang).map((l) => l.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:7071'));
    process.stdout.write(`--- ${kind} (${columns}×${rows}, ${lang})\n${lines.join('\n')}\n`);
  }
} finally {
  await session.close();
  await mock.close();
}
