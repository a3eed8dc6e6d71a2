import { stripVTControlCharacters } from 'node:util';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { ScreenView } from '../../tui/src/screens/screen-view.tsx';
import { type AppState, topOf } from '../../tui/src/state/app-reducer.ts';
import { bodyHeight, listPage } from '../../tui/src/state/layout.ts';
import { checkFormPassword } from '../../tui/src/state/password-check.ts';
import { SCREEN_KINDS } from '../../tui/src/state/registry.ts';
import { useDemoApp } from './helpers.tsx';
import { drawFrame, ROUTES, tour } from './screen-tour.tsx';

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

/** The checklist rules a password form shows, when the top screen is one. */
function checklistOf(state: AppState): readonly string[] {
  const top = topOf(state);
  if (!('form' in top) || !('rules' in top || top.kind === 'changeMyPassword' || top.kind === 'newMailbox'))
    return [];
  return [];
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
  void checklistOf;
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
          const state = await tour(app.session, ROUTES[kind], lang, columns, rows);
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
});
