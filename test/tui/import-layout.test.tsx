import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { ImportView } from '../../tui/src/screens/import.tsx';
import { type ImportScreen, importScreen } from '../../tui/src/state/screens/import.ts';
import type { ImportPreview } from '../../tui/src/state/screens/import-model.ts';

const preview: ImportPreview = {
  path: '/srv/provisioning/autumn-intake-2026/new-professional-mailboxes.csv',
  format: 'csv',
  total: 600,
  writes: 598,
  ok: true,
  rows: [
    {
      line: 2,
      address: 'alessandro.colombo.longname@example.com',
      verdict: 'write',
      reasons: [],
      differences: [],
      code: undefined,
      resumed: false,
    },
    {
      line: 3,
      address: 'beatrice@example.com',
      verdict: 'conflict',
      reasons: [],
      differences: ['givenName', 'sn', 'displayName'],
      code: undefined,
      resumed: false,
    },
  ],
  capacity: [
    { domain: 'example.com', type: 'Professional', rows: 598, free: 600, used: 400, max: 1000, short: false },
  ],
  fileIssues: [],
  unfinished: null,
  generated: 0,
  passwordFile: null,
};

function frameOf(screen: ImportScreen, width: number, lang: Lang = 'en'): string {
  const ui = render(
    <I18nProvider lang={lang}>
      {/* As the app lays it out: the root box is as wide as the terminal. */}
      <Box flexDirection="column" width={width}>
        <ImportView screen={screen} height={18} listRows={12} width={width} />
      </Box>
    </I18nProvider>,
  );
  const frame = ui.lastFrame() ?? '';
  ui.unmount();
  return frame;
}

const running: ImportScreen = {
  ...importScreen(),
  phase: 'running',
  preview,
  pending: {
    seq: 2,
    req: { op: 'importRun', job: { path: preview.path, format: 'csv', resume: false, passwordFile: null } },
  },
  progress: { done: 1234, total: 10000, rate: 812.4, etaMs: 65_000 },
};

describe('the Import screen layout', () => {
  for (const width of [60, 80]) {
    for (const lang of ['en', 'it'] as const) {
      it(`fits the progress bar with count, rate and ETA in ${width} columns (${lang})`, () => {
        const frame = frameOf(running, width, lang);
        const bar = frame.split('\n').find((l) => l.includes('['));
        expect(bar).toMatch(/^\[#+-+\] 1234\/10000 · 812\/s · /);
        expect(bar).toContain('1:05');
        for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
      });
    }

    it(`keeps the preview table and capacity inside ${width} columns`, () => {
      const frame = frameOf({ ...importScreen(), pending: null, phase: 'preview', preview }, width);
      expect(frame).toContain('Professional on example.com: 598 to create, 600 free');
      expect(frame).toMatch(/3\s+beatrice@example\.com\s+conflict/);
      for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    });
  }
});
