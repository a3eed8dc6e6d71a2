import { stripVTControlCharacters } from 'node:util';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { en } from '../../tui/src/i18n/en.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { it as itCatalogue } from '../../tui/src/i18n/it.ts';
import { ScreenView } from '../../tui/src/screens/screen-view.tsx';
import { type AppState, topOf } from '../../tui/src/state/app-reducer.ts';
import { bodyHeight, listPage } from '../../tui/src/state/layout.ts';
import { SCREEN_KINDS } from '../../tui/src/state/registry.ts';
import { useDemoApp } from './helpers.tsx';
import { drawFrame, ROUTES, tourTo } from './screen-tour.tsx';

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 20 },
] as const;
const LANGS: readonly Lang[] = ['en', 'it'];

/** The view alone, in a column of the terminal's width and no height limit: what it wants to show. */
function drawView(state: AppState, lang: Lang): string[] {
  const ui = render(
    <I18nProvider lang={lang}>
      <Box flexDirection="column" width={state.columns}>
        <ScreenView
          screen={topOf(state)}
          env={state.env}
          height={bodyHeight(state.rows)}
          listRows={listPage(state.rows)}
          width={state.columns}
        />
      </Box>
    </I18nProvider>,
  );
  const frame = stripVTControlCharacters(ui.lastFrame() ?? '');
  ui.unmount();
  return frame.split('\n');
}

/** Checklist items (`[x] rule` / `[ ] rule`) drawn in `lines`, wherever the layout puts them. */
function checklistItems(lines: readonly string[]): number {
  return lines.reduce((n, l) => n + (l.match(/\[[x ]\] \S/g)?.length ?? 0), 0);
}

/** Every column header of both catalogues, longest first so `Stato` is not read inside a longer one. */
const HEADERS = [
  ...new Set(
    [en, itCatalogue].flatMap((c) =>
      Object.entries(c)
        .filter(([k]) => k.startsWith('col.'))
        .map(([, v]) => v),
    ),
  ),
].sort((a, b) => b.length - a.length);

/** Headers run into each other (`OutcomeCode`) on the table's header line, when one shows two headers. */
function collisions(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    // A table's header line starts with the two cells of the row marker, then a header.
    if (!HEADERS.some((h) => line.startsWith(`  ${h}`))) continue;
    const found = HEADERS.filter((h) => line.includes(h));
    if (found.length < 2) continue;
    for (const h of found) {
      const at = line.indexOf(h);
      const before = at === 0 ? ' ' : line[at - 1];
      const after = line[at + h.length] ?? ' ';
      if (!/[ …▲▼]/.test(after) || before !== ' ')
        out.push(`the header "${h}" touches its neighbour: ${line}`);
    }
  }
  return out;
}

/** Problems of one drawn screen, each a sentence naming the line. */
function problems(state: AppState, lang: Lang): string[] {
  const { columns, rows } = state;
  const out: string[] = [];
  const frame = drawFrame(state, lang);
  if (frame.length > rows - 1)
    out.push(`the frame has ${frame.length} lines, the terminal ${rows} (one kept free)`);
  frame.forEach((line, i) => {
    if (stringWidth(line) > columns)
      out.push(`frame line ${i + 1} is ${stringWidth(line)} cells wide: ${line}`);
  });
  const view = drawView(state, lang).filter((l, i, all) => i < all.length - 1 || l.trim() !== '');
  if (view.length > bodyHeight(rows))
    out.push(
      `the view wants ${view.length} lines, the body has ${bodyHeight(rows)}: "${view.at(-1)}" is lost`,
    );
  view.forEach((line, i) => {
    if (stringWidth(line) > columns) out.push(`view line ${i + 1} is cut without an ellipsis: ${line}`);
  });
  const wanted = checklistItems(view);
  const shown = checklistItems(frame);
  if (shown < wanted) out.push(`the checklist shows ${shown} of its ${wanted} rules`);
  out.push(...collisions(frame));
  return out;
}

describe('every screen of the registry, drawn with loaded data', () => {
  const app = useDemoApp();

  it('has a route from Home for every screen kind of the registry', () => {
    const routes: Readonly<Record<string, unknown>> = ROUTES;
    expect(SCREEN_KINDS.filter((k) => routes[k] === undefined)).toEqual([]);
  });

  for (const lang of LANGS) {
    for (const { columns, rows } of SIZES) {
      it(`fits every screen in ${columns}×${rows} in ${lang === 'en' ? 'English' : 'Italian'}, nothing cut or lost`, async () => {
        const found: string[] = [];
        for (const kind of SCREEN_KINDS) {
          const state = await tourTo(app.session, kind, lang, columns, rows);
          const top = topOf(state);
          if (process.env.CASELLA_PRINT_SCREENS)
            console.log(`--- ${kind}\n${drawFrame(state, lang).join('\n')}`);
          if (top.kind !== kind) {
            found.push(`${kind}: the route ends on ${top.kind}`);
            continue;
          }
          if (top.pending) found.push(`${kind}: still loading`);
          if (top.message?.tone === 'error') found.push(`${kind}: shows an error ${top.message.key}`);
          for (const p of problems(state, lang)) found.push(`${kind}: ${p}`);
        }
        expect(found).toEqual([]);
      }, 60_000);
    }
  }

  // Lists are the screens with a cursor over rows: at 40×12 their columns are dropped, never squeezed.
  const lists = SCREEN_KINDS.filter((k) =>
    ['domains', 'mailboxes', 'pecSearch', 'profiles', 'activity', 'aliases'].includes(k),
  );
  for (const lang of LANGS) {
    it(`drops table columns in 40×12 rather than running them together, in ${lang === 'en' ? 'English' : 'Italian'}`, async () => {
      const found: string[] = [];
      for (const kind of lists) {
        const state = await tourTo(app.session, kind, lang, 40, 12);
        if (process.env.CASELLA_PRINT_SCREENS)
          console.log(`--- ${kind}\n${drawFrame(state, lang).join('\n')}`);
        if (topOf(state).kind !== kind) found.push(`${kind}: the route ends on ${topOf(state).kind}`);
        for (const p of problems(state, lang)) found.push(`${kind}: ${p}`);
      }
      expect(found).toEqual([]);
    }, 60_000);
  }
});
