import {
  BulkAbortedError,
  BulkInputError,
  BulkRefusedError,
  isCasellaError,
  isPecApiError,
  isValidationError,
  isZimbraFault,
} from '@casella/sdk';
import { describeIssueIn, describeShortfallIn } from './bulk-words.ts';
import { InputRefused, LoginFailed, UsageError } from './cli-errors.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { type Lang, plainWordsFor, say } from './messages.ts';

/** What an error becomes on the way out: an exit code, a stable code, a sentence in the user's language. */
export interface ReportedError {
  readonly exit: ExitCode;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly rule?: string;
  /** Machine-readable detail for `--json`: a bulk file's row issues and capacity shortfalls. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

const CONNECTION_CODES = new Set(['TRANSPORT', 'TIMEOUT']);
const AUTH_CODES = new Set([
  'account.AUTH_FAILED',
  'service.AUTH_EXPIRED',
  'service.AUTH_REQUIRED',
  'INVALID_CREDENTIALS',
  'NOT_POSTMASTER',
  'ACCOUNT_LOCKED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
]);

/** The backend's own words, with plain ones in front for the codes people meet most. */
function backendMessage(lang: Lang, code: string, reason: string): string {
  const plain = plainWordsFor(code);
  return plain
    ? say(lang, 'error.backendPlain', { plain: say(lang, plain), reason, code })
    : say(lang, 'error.backend', { reason, code });
}

function reasonOf(error: unknown): string {
  if (isZimbraFault(error)) return error.reason;
  if (isPecApiError(error)) {
    const own = error.message.startsWith(`${error.code}: `)
      ? error.message.slice(error.code.length + 2)
      : error.message;
    const details = error.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
    return details ? `${own} (${details})` : own;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Classifies anything a command threw. Secrets never reach here: SDK errors are redacted at the boundary. */
export function classifyError(lang: Lang, error: unknown): ReportedError {
  if (error instanceof UsageError) {
    const hint = say(lang, 'error.seeHelp', { command: error.helpFor ? `${error.helpFor} ` : '' });
    return { exit: EXIT.usage, code: 'USAGE', message: `${say(lang, error.key, error.params)} ${hint}` };
  }
  if (error instanceof InputRefused) {
    return { exit: EXIT.refused, code: error.code, message: say(lang, error.key, error.params) };
  }
  if (error instanceof LoginFailed) {
    const inner = classifyError(lang, error.cause);
    const exit = inner.exit === EXIT.connection || inner.exit === EXIT.refused ? inner.exit : EXIT.auth;
    return {
      ...inner,
      exit,
      message: say(lang, 'error.loginFailed', { url: error.url, message: inner.message }),
    };
  }
  if (error instanceof BulkRefusedError || error instanceof BulkInputError) {
    const report = error instanceof BulkRefusedError ? error.report : undefined;
    const issues = report ? report.issues : (error as BulkInputError).issues;
    const capacity = report?.capacity ?? [];
    const lines = [
      ...capacity.map((s) => describeShortfallIn(lang, s)),
      ...issues.map((i) => describeIssueIn(lang, i)),
    ];
    return {
      exit: EXIT.refused,
      code: error.code,
      message: [say(lang, 'import.refused'), ...lines.map((l) => `  ${l}`)].join('\n'),
      extra: { issues, capacity },
    };
  }
  if (error instanceof BulkAbortedError) {
    const done = Object.values(error.summary.counts).reduce((a, b) => a + b, 0);
    return {
      exit: EXIT.interrupted,
      code: error.code,
      message: say(lang, 'import.aborted', { done, total: error.summary.total }),
      extra: { summary: error.summary },
    };
  }
  if (isValidationError(error)) {
    const message = error.issues
      .map((i) =>
        i.message.includes(i.rule)
          ? say(lang, 'error.validationShort', { field: i.field, message: i.message })
          : say(lang, 'error.validation', { field: i.field, rule: i.rule, message: i.message }),
      )
      .join('; ');
    return { exit: EXIT.refused, code: error.code, message, field: error.field, rule: error.rule };
  }
  if (isCasellaError(error)) {
    const exit: ExitCode = CONNECTION_CODES.has(error.code)
      ? EXIT.connection
      : AUTH_CODES.has(error.code)
        ? EXIT.auth
        : EXIT.failed;
    return { exit, code: error.code, message: backendMessage(lang, error.code, reasonOf(error)) };
  }
  return {
    exit: EXIT.failed,
    code: 'UNEXPECTED',
    message: say(lang, 'error.unexpected', { message: reasonOf(error) }),
  };
}

/** Prints the error on stderr (one JSON line with `--json`) and returns its exit code. */
export function reportError(
  lang: Lang,
  json: boolean,
  stderr: NodeJS.WritableStream,
  error: unknown,
): ExitCode {
  const r = classifyError(lang, error);
  if (json) {
    stderr.write(
      `${JSON.stringify({ error: { code: r.code, message: r.message, exit: r.exit, ...(r.field ? { field: r.field, rule: r.rule } : {}), ...r.extra } })}\n`,
    );
  } else {
    stderr.write(`${say(lang, 'error.prefix', { message: r.message })}\n`);
  }
  return r.exit;
}
