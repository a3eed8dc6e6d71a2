import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { BulkActionView } from '../../tui/src/screens/bulk-action.tsx';
import { type BulkActionProgress, runBulkAction } from '../../tui/src/services/bulk-actions.ts';
import type { Loaded } from '../../tui/src/state/requests.ts';
import { progressKey } from '../../tui/src/state/requests.ts';
import { withRequest } from '../../tui/src/state/screen-base.ts';
import { bulkActionLogic, bulkActionScreen } from '../../tui/src/state/screens/bulk-action.ts';
import { useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

const SELECTION = {
  kind: 'matching',
  domain: 'example.com',
  query: { domain: 'example.com', filter: 'ferr', sort: 'address', ascending: true },
  except: [],
  count: 3,
} as const;

function running() {
  const s = { ...bulkActionScreen(SELECTION, 100), stage: 'confirm' as const };
  return withRequest(s, { op: 'bulkAction', selection: SELECTION, action: { kind: 'lock' } });
}

const report = (done: number): Loaded => ({ kind: 'bulkProgress', done, total: 100, rate: 250, etaMs: 240 });
const ctx = {
  page: 10,
  env: { demo: true, user: 'admin@example.com', server: 'x', pecUser: '', pecPassword: '' },
};

describe('the progress of a bulk action', () => {
  it('reports from the engine as the run goes, from 0 of the rows to all of them', async () => {
    const reports: BulkActionProgress[] = [];
    const answer = await runBulkAction(demo.session, SELECTION, { kind: 'lock' }, (p) => reports.push(p));
    expect(answer.kind).toBe('bulkDone');
    expect(reports[0]).toEqual({ kind: 'bulkProgress', done: 0, total: 3, rate: 0, etaMs: null });
    expect(reports.at(-1)?.done).toBe(3);
    expect(reports.every((r) => r.total === 3)).toBe(true);
  });

  it('is kept by the screen only for the run in flight', () => {
    const s = running();
    const seq = s.pending?.seq ?? 0;
    const kept = bulkActionLogic.onFetched?.(s, progressKey(seq), report(40), ctx);
    expect(kept?.progress).toEqual({ done: 40, total: 100, rate: 250, etaMs: 240 });
    const stale = bulkActionLogic.onFetched?.(s, progressKey(seq - 1), report(40), ctx);
    expect(stale?.progress).toBeNull();
  });

  it('shows a bar with the count, the rate and the time left', async () => {
    const s = { ...running(), progress: { done: 40, total: 100, rate: 250, etaMs: 240 } };
    const { lastFrame } = render(
      <I18nProvider lang="en">
        <BulkActionView screen={s} height={20} listRows={10} width={80} />
      </I18nProvider>,
    );
    const frame = await waitForText(lastFrame, '40/100 mailboxes · 250/s · 1 s left');
    expect(frame).toContain('Locking 100 mailboxes…');
    expect(frame).toMatch(/\[#{12}-{18}\] 40\/100/);
  });
});
