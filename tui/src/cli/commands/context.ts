import type { PecPostmaster, ZimbraAdmin } from '@casella/sdk';
import { isCasellaError, isValidationError } from '@casella/sdk';
import type { JournalEntry, JournalStore } from '../../journal/index.ts';
import { type Actor, type ConnectionSource, loginPec, loginZimbra } from './connection.ts';
import type { Lang, MessageKey, MessageParams } from './messages.ts';
import { say } from './messages.ts';
import type { Output } from './output.ts';
import type { CommandSpec } from './spec.ts';
import type { StdinLines } from './stdin-lines.ts';

/** The process's streams and environment, passed in so nothing reaches for globals. */
export interface CliIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Everything a command's `run` gets: its parsed input, the output, the backends, the journal. */
export interface CommandContext {
  readonly spec: CommandSpec;
  /** Positional arguments after the command's words. */
  readonly args: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  readonly lang: Lang;
  readonly json: boolean;
  readonly io: CliIo;
  readonly out: Output;
  readonly lines: StdinLines;
  readonly journal: JournalStore;
  /** Translates a message of the command line's catalogue. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A string flag, or undefined when absent or empty. */
  text(name: string): string | undefined;
  /** Logs in to Zimbra once (lazily) and returns the client. */
  zimbra(): Promise<ZimbraAdmin>;
  /** Logs in to the pec-admin API once (lazily) and returns the postmaster. */
  pec(): Promise<PecPostmaster>;
  /** Runs a change and journals its outcome (time, server, admin, operation, target, outcome, code). */
  change<T>(
    operation: string,
    target: string,
    fn: () => Promise<T>,
    detail?: JournalEntry['detail'],
  ): Promise<T>;
  /** Logs out of whatever was logged in. */
  close(): Promise<void>;
}

/** Builds the context of one run. */
export function createContext(init: {
  readonly spec: CommandSpec;
  readonly args: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  readonly lang: Lang;
  readonly io: CliIo;
  readonly out: Output;
  readonly lines: StdinLines;
  readonly journal: JournalStore;
}): CommandContext {
  let zimbra: Promise<{ admin: ZimbraAdmin; actor: Actor }> | undefined;
  let pec: Promise<{ pec: PecPostmaster; actor: Actor }> | undefined;
  let actor: Actor | undefined;
  const t = (key: MessageKey, params?: MessageParams) => say(init.lang, key, params);
  const source: ConnectionSource = {
    flags: init.flags,
    env: init.io.env,
    stdin: init.io.stdin,
    lines: init.lines,
    prompt: (user) => t('prompt.password', { user }),
  };
  const append = (entry: Omit<JournalEntry, 'time' | 'server' | 'admin'>) => {
    if (!actor) return;
    try {
      init.journal.append({
        time: new Date().toISOString(),
        server: actor.server,
        admin: actor.admin,
        ...entry,
      });
    } catch (error) {
      // The change is done either way: say the journal missed it rather than report the change as failed.
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      init.io.stderr.write(`${t('error.journalWrite', { file: init.journal.path ?? '-', reason })}\n`);
    }
  };

  return {
    ...init,
    json: init.flags.json === true,
    t,
    text(name) {
      const v = init.flags[name];
      return typeof v === 'string' && v !== '' ? v : undefined;
    },
    async zimbra() {
      zimbra ??= loginZimbra(source);
      const session = await zimbra;
      actor = session.actor;
      return session.admin;
    },
    async pec() {
      pec ??= loginPec(source);
      const session = await pec;
      actor = session.actor;
      return session.pec;
    },
    async change(operation, target, fn, detail) {
      try {
        const result = await fn();
        append({ operation, target, outcome: 'ok', ...(detail ? { detail } : {}) });
        return result;
      } catch (error) {
        const code = isCasellaError(error) ? error.code : undefined;
        append({
          operation,
          target,
          outcome: isValidationError(error) ? 'refused' : 'failed',
          ...(code ? { code } : {}),
          ...(detail ? { detail } : {}),
        });
        throw error;
      }
    },
    async close() {
      const z = await zimbra?.catch(() => undefined);
      await z?.admin.close().catch(() => undefined);
      const p = await pec?.catch(() => undefined);
      await p?.pec.logout().catch(() => undefined);
    },
  };
}
