import { describe, expect, it, vi } from 'vitest';
import { columnsOf, fitContext } from '../../tui/src/state/context-line.ts';
import { DEMO_ADMIN, KEY, press, renderApp, toMailboxes, useDemoApp, waitForText } from './helpers.tsx';

type Ui = ReturnType<typeof renderApp>;

/** Gives the test terminal `columns`×`rows` and tells the app it was resized. */
function resize(ui: Ui, columns: number, rows: number): void {
  Object.defineProperty(ui.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
  (ui.stdout as unknown as NodeJS.EventEmitter).emit('resize');
}

const secondLine = (frame: string) => frame.split('\n')[1] ?? '';

describe('the context line', () => {
  const demo = useDemoApp();

  it('shows the server, "demo" and the admin under the breadcrumb on Home, Domains, the dashboard and Mailboxes at 80×24', async () => {
    const ui = renderApp(demo.session);
    resize(ui, 80, 24);
    const server = demo.session.env.server;
    const expected = `${server} · demo · ${DEMO_ADMIN}`;
    await waitForText(ui.lastFrame, 'Domains');
    await vi.waitFor(() => expect((ui.lastFrame() ?? '').split('\n')[0]).toHaveLength(80));
    let frame = ui.lastFrame() ?? '';
    expect(secondLine(frame)).toBe(expected);
    await toMailboxes(ui);
    frame = ui.lastFrame() ?? '';
    expect(frame).toContain('Mailboxes');
    expect(secondLine(frame)).toBe(expected);
    await press(ui.stdin, KEY.enter);
    frame = await waitForText(ui.lastFrame, 'Reset password');
    expect(secondLine(frame)).toBe(expected);
    for (const line of frame.split('\n')) expect(columnsOf(line)).toBeLessThanOrEqual(80);
  });

  it('keeps every part at 60×20 when they fit, in Italian too', async () => {
    const ui = renderApp(demo.session, 'it');
    resize(ui, 60, 20);
    await waitForText(ui.lastFrame, 'Domini');
    // The resize lands on a later frame: wait for the app to be 19 lines tall (rows - 1).
    await vi.waitFor(() => expect((ui.lastFrame() ?? '').split('\n')).toHaveLength(19));
    const frame = ui.lastFrame() ?? '';
    const line = secondLine(frame);
    expect(line).toBe(`${demo.session.env.server} · demo · ${DEMO_ADMIN}`);
    for (const l of frame.split('\n')) expect(columnsOf(l)).toBeLessThanOrEqual(60);
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('drops the profile, then the admin, marking each drop with an ellipsis, and cuts a too-long server at its end', () => {
    const parts = { server: 'mail.example.com:7071', profile: 'hosting-main', admin: 'admin@example.com' };
    expect(fitContext(parts, 80)).toBe('mail.example.com:7071 · hosting-main · admin@example.com');
    expect(fitContext(parts, 50)).toBe('mail.example.com:7071 · admin@example.com · …');
    expect(fitContext(parts, 30)).toBe('mail.example.com:7071 · …');
    expect(fitContext(parts, 12)).toBe('mail.exampl…');
    expect(columnsOf(fitContext(parts, 12))).toBe(12);
  });

  it('counts a wide character as two columns and a combining mark as none', () => {
    expect(columnsOf('posta@例え.jp')).toBe(13);
    expect(columnsOf('cafe\u0301')).toBe(4);
    const parts = { server: '例え例え例え.jp', profile: 'p', admin: 'a' };
    expect(columnsOf(fitContext(parts, 9))).toBeLessThanOrEqual(9);
  });
});
