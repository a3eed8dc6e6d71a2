import { Box } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { MessageLine } from '../../tui/src/components/message-line.tsx';
import { wordWrap } from '../../tui/src/format.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { DeleteMailboxView } from '../../tui/src/screens/delete-mailbox.tsx';
import { errorMessage } from '../../tui/src/state/message.ts';
import { deleteMailboxScreen } from '../../tui/src/state/screens/delete-mailbox.ts';

/** The frame of `node` drawn in a column `width` cells wide. */
function frameAt(width: number, node: ReactNode): string {
  const ui = render(
    <I18nProvider lang="en">
      <Box width={width} flexDirection="column">
        {node}
      </Box>
    </I18nProvider>,
  );
  const frame = ui.lastFrame() ?? '';
  ui.unmount();
  return frame;
}

const linesStartingBlank = (frame: string) => frame.split('\n').filter((l) => /^ \S/.test(l));

describe('prose wrapped at 80 columns', () => {
  it('breaks at spaces into lines that fit, never starting or ending with a blank', () => {
    const text =
      'This deletes mario.rossi@example.com and all its mail. Type the full address and press Enter.';
    const lines = wordWrap(text, 80).split('\n');
    expect(lines).toEqual([
      'This deletes mario.rossi@example.com and all its mail. Type the full address and',
      'press Enter.',
    ]);
    expect(wordWrap('a-very-long-word-without-spaces', 10).split('\n')).toEqual([
      'a-very-lon',
      'g-word-wit',
      'hout-space',
      's',
    ]);
  });

  it('wraps the delete warning of mario.rossi@example.com without a leading blank on its second line', () => {
    const screen = deleteMailboxScreen('mario.rossi@example.com');
    const frame = frameAt(80, <DeleteMailboxView screen={screen} height={18} listRows={14} width={80} />);
    expect(frame).toContain('Type the full address and\npress Enter to confirm.');
    expect(linesStartingBlank(frame)).toEqual([]);
  });

  it('wraps a long backend error on the message line without a leading blank before its code', () => {
    const message = errorMessage('code.transport', {
      message: 'HTTP 503 from http://127.0.0.1:47313/service/admin/soap is not a SOAP answer (text/html)',
      code: 'TRANSPORT',
    });
    const frame = frameAt(80, <MessageLine message={message} width={80} />);
    expect(frame).toMatch(/\(code\s+TRANSPORT\)/);
    expect(linesStartingBlank(frame)).toEqual([]);
  });
});
