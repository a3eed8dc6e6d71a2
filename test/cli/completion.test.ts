import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliMock } from './run-casella.ts';

const cli = useCliMock();

/** What bash's completion offers for `words` (the last one being completed), using casella's own script. */
function complete(script: string, dir: string, words: readonly string[]): string[] {
  const file = join(dir, 'casella.bash');
  writeFileSync(file, script);
  const array = words.map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _casella; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8', cwd: dir },
  );
  return out.split('\n').filter((l) => l !== '');
}

describe('shell completion', { timeout: 60_000 }, () => {
  it('completes groups, verbs, flags and flag values in bash from the command table', async () => {
    const run = await cli.run(['completion', 'bash']);
    expect(run.code).toBe(0);
    const script = run.stdout;
    expect(script).toContain('complete -F _casella casella');
    expect(complete(script, cli.dir, ['casella', ''])).toEqual(
      expect.arrayContaining(['accounts', 'domains', 'quota', 'cos', 'export', 'pec', 'log', 'completion']),
    );
    expect(complete(script, cli.dir, ['casella', 'acc'])).toEqual(['accounts']);
    expect(complete(script, cli.dir, ['casella', 'accounts', 'l'])).toEqual(['list', 'lock']);
    expect(complete(script, cli.dir, ['casella', 'pec', 'mailboxes', 'r'])).toEqual(['reset']);
    expect(complete(script, cli.dir, ['casella', 'accounts', 'create', 'x@example.com', '--new-'])).toEqual([
      '--new-password-stdin',
    ]);
    // A flag's value is not taken for a verb: --domain example.com then flags of `quota`.
    expect(complete(script, cli.dir, ['casella', 'quota', '--domain', 'example.com', '--so'])).toEqual([
      '--sort',
    ]);
    expect(complete(script, cli.dir, ['casella', 'quota', '--sort', ''])).toEqual([
      'percent',
      'used',
      'limit',
    ]);
    expect(complete(script, cli.dir, ['casella', 'completion', ''])).toEqual(['bash', 'zsh']);
  });

  it('prints a zsh script that runs the same completion through bashcompinit', async () => {
    const run = await cli.run(['completion', 'zsh']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('#compdef casella');
    expect(run.stdout).toContain('autoload -U +X bashcompinit && bashcompinit');
    expect(run.stdout).toContain('complete -F _casella casella');
    // The body is valid shell: bash parses it without running it.
    execFileSync('bash', ['-n', '-c', run.stdout.replace(/^\(\(.*$/m, '')]);
  });

  it('refuses a shell it does not know (exit 2)', async () => {
    const run = await cli.run(['completion', 'fish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('completion needs bash or zsh, not fish.');
  });
});
