import { describe, expect, it } from 'vitest';
import { TmuxTerminal } from '../e2e/tmux.ts';
import { CASELLA_BIN, DEMO_PASSWORD, useCliMock } from './run-casella.ts';

const cli = useCliMock();

function casella(args: string, env: Record<string, string> = {}): TmuxTerminal {
  return new TmuxTerminal(
    `${process.execPath} ${CASELLA_BIN} ${args} --url ${cli.mock.url} --user admin@example.com`,
    {
      env: { CASELLA_JOURNAL: 'off', LANG: 'C.UTF-8', ...env },
    },
  );
}

describe('prompts on a terminal', { timeout: 90_000 }, () => {
  it('ask for the login and the new password without echoing them, the new one twice', async () => {
    const term = casella('accounts create prompt@example.com --type Standard');
    try {
      await term.waitFor('Password for admin@example.com:', 30_000);
      term.type(DEMO_PASSWORD);
      term.keys('Enter');
      await term.waitFor('New password:', 30_000);
      term.type('Typed-Secret-55!');
      term.keys('Enter');
      await term.waitFor('Repeat the new password:');
      term.type('Typed-Secret-55!');
      term.keys('Enter');
      const screen = await term.waitFor('Created prompt@example.com.', 30_000);
      expect(screen).not.toContain('Typed-Secret-55!');
      expect(screen).not.toContain(DEMO_PASSWORD);
      expect(await term.waitForExit()).toBe(0);
    } finally {
      term.close();
    }
  });

  it('refuse two different new passwords and change nothing (exit 4)', async () => {
    const term = casella('accounts passwd mario.rossi@example.com', { CASELLA_PASSWORD: DEMO_PASSWORD });
    try {
      await term.waitFor('New password:', 30_000);
      term.type('First-Secret-55!');
      term.keys('Enter');
      await term.waitFor('Repeat the new password:');
      term.type('Other-Secret-55!');
      term.keys('Enter');
      await term.waitFor('the two passwords differ; nothing was changed.');
      expect(await term.waitForExit()).toBe(4);
    } finally {
      term.close();
    }
  });

  it('delete after the address is typed at the prompt, and not after a different one', async () => {
    const wrong = casella('accounts delete sara.greco@example.com', { CASELLA_PASSWORD: DEMO_PASSWORD });
    try {
      await wrong.waitFor('Type sara.greco@example.com to delete it:', 30_000);
      wrong.type('sara.greca@example.com');
      wrong.keys('Enter');
      await wrong.waitFor('--confirm does not match sara.greco@example.com; nothing was changed.');
      expect(await wrong.waitForExit()).toBe(4);
    } finally {
      wrong.close();
    }
    const right = casella('accounts delete sara.greco@example.com', { CASELLA_PASSWORD: DEMO_PASSWORD });
    try {
      await right.waitFor('Type sara.greco@example.com to delete it:', 30_000);
      right.type('sara.greco@example.com');
      right.keys('Enter');
      await right.waitFor('Deleted sara.greco@example.com.', 30_000);
      expect(await right.waitForExit()).toBe(0);
    } finally {
      right.close();
    }
    const gone = await cli.run(['accounts', 'get', 'sara.greco@example.com', ...cli.admin]);
    expect(gone.code).toBe(1);
  });
});
