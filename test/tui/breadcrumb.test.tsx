import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Breadcrumb } from '../../tui/src/components/breadcrumb.tsx';

function breadcrumbAt(width: number, parts: string[]): string {
  const ui = render(
    <Box width={width}>
      <Breadcrumb parts={parts} badges={['DEMO']} />
    </Box>,
  );
  const frame = ui.lastFrame() ?? '';
  ui.unmount();
  return frame;
}

describe('the breadcrumb', () => {
  it('shows the whole path when it fits', () => {
    const frame = breadcrumbAt(80, ['casella', 'Domains', 'example.com']);
    expect(frame).toMatch(/^casella › Domains › example\.com +\[DEMO\]$/);
  });

  it('keeps the current screen in view when the path is too long for 80 columns, cutting its start', () => {
    const parts = ['casella', 'Domains', 'example.com', 'Mailboxes', 'mario.rossi@example.com', 'Delete'];
    const frame = breadcrumbAt(80, parts);
    expect(frame.split('\n')).toHaveLength(1);
    expect(frame).toMatch(/^….* › mario\.rossi@example\.com › Delete \[DEMO\]$/);
  });
});
