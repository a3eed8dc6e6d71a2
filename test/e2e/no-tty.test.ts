import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './casella.ts';

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the run had to be killed because it did not end by itself. */
  readonly hung: boolean;
}

/** Runs `echo | casella …` with stdout piped; kills it if it hangs (a generous guard, not a timing check). */
function runWithoutTty(args: readonly string[], guardMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tui/dist/bin.js', ...args], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, guardMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, hung });
    });
    // `echo |`: one line on stdin, then end of input.
    child.stdin.end('\n');
  });
}

describe('casella without a terminal', { timeout: 60_000 }, () => {
  it('says it needs an interactive terminal and exits with code 2 instead of hanging', async () => {
    const run = await runWithoutTty(['--lang', 'en']);
    expect(run.hung).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('casella needs an interactive terminal; use ssh -t');
    // Nothing is drawn into the pipe: no escape codes, no alternate screen, no demo server.
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('\x1b[');
    expect(run.stderr).not.toContain('Starting the demo server');
  });

  it('says it in Italian with --lang it', async () => {
    const run = await runWithoutTty(['--lang', 'it']);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('casella richiede un terminale interattivo; usa ssh -t');
  });
});
