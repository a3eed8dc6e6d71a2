import { EXIT } from './exit-codes.ts';
import { allFlags } from './flags.ts';
import { type Lang, type MessageKey, say } from './messages.ts';
import type { CommandSpec, FlagSpec } from './spec.ts';

function usageOf(spec: CommandSpec): string {
  const args = spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name));
  return ['casella', ...spec.path, ...args, '[flags]'].join(' ');
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function flagLeft(f: FlagSpec): string {
  return f.type === 'string' ? `--${f.name} ${f.value ?? 'VALUE'}` : `--${f.name}`;
}

/** `casella help`: the groups, how to log in, the exit codes. */
export function overviewHelp(lang: Lang, commands: readonly CommandSpec[]): string {
  const groups = [...new Set(commands.map((c) => c.path[0] ?? ''))];
  const exits = Object.entries(EXIT).map(([name, code]): [string, string] => [
    String(code),
    say(lang, `exit.${name}` as MessageKey),
  ]);
  return [
    say(lang, 'help.usage'),
    '',
    say(lang, 'help.groups'),
    ...columns(groups.map((g): [string, string] => [g, say(lang, `group.${g}` as MessageKey)])),
    '',
    say(lang, 'help.login'),
    '',
    say(lang, 'help.exitCodes'),
    ...columns(exits),
    '',
    say(lang, 'help.more'),
  ].join('\n');
}

/** `casella accounts --help`: the commands under a prefix. */
export function groupHelp(lang: Lang, commands: readonly CommandSpec[], prefix: readonly string[]): string {
  const under = commands.filter((c) => prefix.every((w, i) => c.path[i] === w));
  const group = prefix[0] ?? '';
  return [
    `casella ${prefix.join(' ')}: ${say(lang, `group.${group}` as MessageKey)}`,
    '',
    ...columns(
      under.map((c): [string, string] => [usageOf(c).replace(/ \[flags\]$/, ''), say(lang, c.summary)]),
    ),
    '',
    say(lang, 'help.verbHelp', { prefix: prefix.join(' ') }),
  ].join('\n');
}

/** `casella accounts create --help`: usage, summary, every flag. */
export function commandHelp(lang: Lang, spec: CommandSpec): string {
  return [
    `${say(lang, 'help.usageWord')} ${usageOf(spec)}`,
    '',
    say(lang, spec.summary),
    '',
    say(lang, 'help.flags'),
    ...columns(
      allFlags(spec.flags, spec.backend).map((f): [string, string] => [
        flagLeft(f),
        say(lang, f.help) +
          (f.choices && f.type === 'string' && !f.value?.includes('|') ? ` (${f.choices.join(', ')})` : ''),
      ]),
    ),
  ].join('\n');
}
