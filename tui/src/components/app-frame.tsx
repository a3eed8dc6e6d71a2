import { Box } from 'ink';
import { useT } from '../i18n/index.tsx';
import { crumbOf, ScreenView } from '../screens/screen-view.tsx';
import { type AppState, jobRunning, topOf } from '../state/app-reducer.ts';
import { copyTarget } from '../state/copy-target.ts';
import { bodyHeight, listPage } from '../state/layout.ts';
import { logicOf } from '../state/registry.ts';
import { Breadcrumb } from './breadcrumb.tsx';
import { CommandLineView } from './command-line.tsx';
import { ContextLine } from './context-line.tsx';
import { Footer } from './footer.tsx';
import { MessageLine } from './message-line.tsx';

/** Props of {@link AppFrame}. */
export interface AppFrameProps {
  /** The whole UI state; the frame draws its top screen at its terminal size. */
  readonly state: AppState;
}

/**
 * The app's frame around the top screen: breadcrumb, context line, body, message line, footer. Its own
 * component so that a test or a screenshot script draws exactly what the app draws, from a state.
 */
export function AppFrame({ state }: AppFrameProps) {
  const t = useT();
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
        badges={state.env.demo ? [t('badge.demo')] : []}
      />
      {/* On the line that used to be the gap under the breadcrumb: the body keeps its height. */}
      <ContextLine env={state.env} width={state.columns} />
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {/* Never squeezed: a view taller than the room loses its last lines, instead of Yoga
            shrinking its lines into each other (garbled rows in a small terminal). */}
        <Box flexDirection="column" flexShrink={0}>
          <ScreenView
            screen={top}
            env={state.env}
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
              : (state.command?.message ?? top.message)
        }
        width={state.columns}
        showDetail={state.showDetail}
        typing={typing}
      />
      {state.command ? (
        <CommandLineView command={state.command} width={state.columns} />
      ) : (
        <Footer
          bindings={logic.footer(top)}
          globals={!typing}
          width={state.columns}
          optional={copyTarget(top) ? ['copy'] : []}
        />
      )}
    </Box>
  );
}
