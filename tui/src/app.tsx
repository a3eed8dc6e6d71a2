import { Box, useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import { Breadcrumb } from './components/breadcrumb.tsx';
import { ContextLine } from './components/context-line.tsx';
import { Footer } from './components/footer.tsx';
import { MessageLine } from './components/message-line.tsx';
import { useFetches } from './hooks/use-fetches.ts';
import { useJobs } from './hooks/use-jobs.ts';
import { useKeys } from './hooks/use-keys.ts';
import { useRequests } from './hooks/use-requests.ts';
import { useTerminalSize } from './hooks/use-terminal-size.ts';
import type { Lang } from './i18n/catalogue.ts';
import { I18nProvider, useT } from './i18n/index.tsx';
import { crumbOf, ScreenView } from './screens/screen-view.tsx';
import type { Session } from './services/session.ts';
import { appReducer, initialState, jobRunning, topOf } from './state/app-reducer.ts';
import { bodyHeight, listPage } from './state/layout.ts';
import { logicOf } from './state/registry.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** The backends, already logged in; tests inject one built against their own mock. */
  readonly session: Session;
  /** The UI's language. */
  readonly lang: Lang;
}

/** The terminal UI: one reducer, one key handler, one request runner, the top screen's view. */
export function App({ session, lang }: AppProps) {
  return (
    <I18nProvider lang={lang}>
      <Shell session={session} lang={lang} />
    </I18nProvider>
  );
}

function Shell({ session, lang }: AppProps) {
  const t = useT();
  const { exit } = useApp();
  const size = useTerminalSize();
  const [state, dispatch] = useReducer(appReducer, undefined, () =>
    initialState({ ...session.env, lang }, size.rows, size.columns),
  );
  useKeys(dispatch, exit);
  useRequests(state, dispatch, session);
  useFetches(state, dispatch, session);
  useJobs(state, dispatch, session);
  useEffect(
    () => dispatch({ type: 'resize', rows: size.rows, columns: size.columns }),
    [size.rows, size.columns],
  );
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  const top = topOf(state);
  const logic = logicOf(top);
  const typing = logic.captures?.(top) ?? false;
  // At most rows-1 lines: Ink 6 clears and repaints the whole screen once output reaches the terminal height.
  const height = Math.max(8, state.rows - 1);
  const body = bodyHeight(state.rows);
  return (
    <Box flexDirection="column" height={height} width={state.columns}>
      <Breadcrumb
        parts={state.stack.map((s) => crumbOf(s, t))}
        badges={session.env.demo ? [t('badge.demo')] : []}
      />
      {/* On the line that used to be the gap under the breadcrumb: the body keeps its height. */}
      <ContextLine env={session.env} width={state.columns} />
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {/* Never squeezed: a view taller than the room loses its last lines, instead of Yoga
            shrinking its lines into each other (garbled rows in a small terminal). */}
        <Box flexDirection="column" flexShrink={0}>
          <ScreenView
            screen={top}
            env={session.env}
            height={body}
            listRows={listPage(state.rows)}
            width={state.columns}
          />
        </Box>
      </Box>
      <MessageLine
        message={
          state.confirmQuit
            ? { tone: 'info', key: jobRunning(state) ? 'quit.confirmJob' : 'quit.confirm' }
            : state.confirmLeave
              ? { tone: 'info', key: 'leave.confirm' }
              : top.message
        }
        width={state.columns}
        showDetail={state.showDetail}
        typing={typing}
      />
      <Footer bindings={logic.footer(top)} globals={!typing} width={state.columns} />
    </Box>
  );
}
