import { parseArgs } from 'node:util';
import { createJournalStore, journalPath } from '../../journal/index.ts';
import { createProfileStore } from '../../services/profile-store.ts';
import { UsageError } from './cli-errors.ts';
import { type CliIo, createContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { allFlags } from './flags.ts';
import { commandHelp, groupHelp } from './help.ts';
import { detectLang, type Lang } from './messages.ts';
import { createOutput } from './output.ts';
import { COMMAND_GROUPS, COMMANDS } from './registry.ts';
import { reportError } from './report-error.ts';
import type { CommandSpec } from './spec.ts';
import { StdinLines } from './stdin-lines.ts';

/** True when `word` (argv[0]) starts a `casella <group> <verb>` command rather than the terminal UI. */
export function isCommandGroup(word: string | undefined): boolean {
  return word !== undefined && COMMAND_GROUPS.has(word);
}

const VALUED = new Set(
  COMMANDS.flatMap((c) => allFlags(c.flags, c.backend))
    .filter((f) => f.type === 'string')
    .map((f) => `--${f.name}`),
);

/** The words of argv that are not flags or flag values, in order. */
function wordsOf(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (!a.includes('=') && VALUED.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  return words;
}

/** `--lang`, else the language of the `--profile` named, else the locale. */
function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const flagValue = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const given = flagValue('--lang');
  if (given === 'it' || given === 'en') return given;
  const profile = flagValue('--profile');
  return detectLang(profile ? createProfileStore().get(profile)?.lang : undefined, env);
}

/** The command whose words begin argv's words, the longest such. */
function findCommand(words: readonly string[]): CommandSpec | undefined {
  return COMMANDS.filter((c) => c.path.every((w, i) => words[i] === w)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}

function parse(spec: CommandSpec, argv: readonly string[]) {
  const flags = allFlags(spec.flags, spec.backend);
  const helpFor = spec.path.join(' ');
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: Object.fromEntries(flags.map((f) => [f.name, { type: f.type }])),
    });
  } catch (error) {
    throw new UsageError('error.badFlag', { message: (error as Error).message }, helpFor);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const f of flags) {
    const v = values[f.name];
    if (f.choices && typeof v === 'string' && !f.choices.includes(v)) {
      throw new UsageError(
        'error.badChoice',
        { flag: `--${f.name}`, value: v, choices: f.choices.join(', ') },
        helpFor,
      );
    }
  }
  const args = parsed.positionals.slice(spec.path.length);
  const max = spec.path[0] === 'help' ? Number.POSITIVE_INFINITY : spec.args.length;
  if (args.length > max) throw new UsageError('error.extraArg', { value: args[max] ?? '' }, helpFor);
  return { values, args };
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Runs `casella <group> <verb> …` and resolves with its exit code (see {@link EXIT}). Results go to
 * stdout, messages and progress to stderr; every change is journaled unless `--no-journal` or
 * `CASELLA_JOURNAL=off`.
 */
export async function runCommand(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const lang = langOf(argv, io.env);
  const json = argv.includes('--json');
  const words = wordsOf(argv);
  const spec = findCommand(words);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!spec) {
    const group = words.filter((w, i) =>
      COMMANDS.some((c) => c.path[i] === w && words.slice(0, i).every((p, j) => c.path[j] === p)),
    );
    if (wantsHelp) {
      io.stdout.write(`${groupHelp(lang, COMMANDS, group)}\n`);
      return EXIT.ok;
    }
    const unknown = words[group.length];
    const error = unknown
      ? new UsageError('error.unknownVerb', { group: group.join(' '), verb: unknown }, group.join(' '))
      : new UsageError('error.missingVerb', { group: group.join(' ') }, group.join(' '));
    return reportError(lang, json, io.stderr, error);
  }
  if (wantsHelp) {
    io.stdout.write(`${commandHelp(lang, spec)}\n`);
    return EXIT.ok;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(spec, argv);
  } catch (error) {
    return reportError(lang, json, io.stderr, error);
  }
  const journal = createJournalStore(parsed.values['no-journal'] === true ? undefined : journalPath(io.env));
  const ctx = createContext({
    spec,
    args: parsed.args,
    flags: parsed.values,
    lang,
    io,
    out: createOutput(io.stdout),
    lines: new StdinLines(io.stdin),
    journal,
  });
  try {
    return await spec.run(ctx);
  } catch (error) {
    return reportError(lang, json, io.stderr, error);
  } finally {
    await ctx.close();
  }
}
