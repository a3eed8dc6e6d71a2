import { useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import { AppFrame } from './components/app-frame.tsx';
import { useClipboard } from './hooks/use-clipboard.ts';
import { useCommandFetches } from './hooks/use-command-fetches.ts';
import { useFetches } from './hooks/use-fetches.ts';
import { useJobs } from './hooks/use-jobs.ts';
import { useKeys } from './hooks/use-keys.ts';
import { useRequests } from './hooks/use-requests.ts';
import { useTerminalSize } from './hooks/use-terminal-size.ts';
import type { Lang } from './i18n/catalogue.ts';
import { I18nProvider } from './i18n/index.tsx';
import type { Session } from './services/session.ts';
import { appReducer, initialState } from './state/app-reducer.ts';

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
  const { exit } = useApp();
  const size = useTerminalSize();
  const [state, dispatch] = useReducer(appReducer, undefined, () =>
    initialState({ ...session.env, lang }, size.rows, size.columns),
  );
  useKeys(dispatch, exit);
  useRequests(state, dispatch, session);
  useFetches(state, dispatch, session);
  useCommandFetches(state.command, dispatch, session);
  useClipboard(state.clipboard, dispatch);
  useJobs(state, dispatch, session);
  useEffect(
    () => dispatch({ type: 'resize', rows: size.rows, columns: size.columns }),
    [size.rows, size.columns],
  );
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  return <AppFrame state={state} />;
}
