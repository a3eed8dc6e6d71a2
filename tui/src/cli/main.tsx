import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n/catalogue.ts';
import { detectLang, translate } from '../i18n/index.tsx';
import type { OpenSession } from '../services/connect.ts';
import type { ProfileStore } from '../services/profile-store.ts';
import { VERSION } from '../version.ts';
import { enterAlternateScreen } from './alternate-screen.ts';
import { type CliArgs, parseCliArgs } from './args.ts';
import { promptPassword } from './prompt-password.ts';

/** Runs the `casella` command; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // `casella <group> <verb>`: the scriptable command line; no group keeps opening the TUI. Modules load
  // only when needed (SDK, mock, conf, Ink): `--version` and `--help` stay near a bare Node start.
  if (argv[0] !== undefined && !argv[0].startsWith('-')) {
    const { isCommandGroup, runCommand } = await import('./commands/run-command.ts');
    if (isCommandGroup(argv[0])) return runCommand(argv);
  }
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    const lang = detectLang(undefined);
    console.error(translate(lang, 'cli.badArgs', { message: (error as Error).message }));
    return 2;
  }
  if (args.version) {
    console.log(VERSION);
    return 0;
  }
  const { createProfileStore } = await import('../services/profile-store.ts');
  const store = createProfileStore();
  const profile = args.profile ? store.get(args.profile) : undefined;
  const lang: Lang = detectLang(args.lang ?? profile?.lang);
  const say = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(lang, key, params);
  if (args.help) {
    console.log(say('cli.usage'));
    return 0;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    console.error(say('cli.needsTty'));
    return 2;
  }
  if (args.profile && !profile) {
    console.error(
      say('cli.noProfile', {
        name: args.profile,
        names:
          store
            .list()
            .map((p) => p.name)
            .join(', ') || '-',
      }),
    );
    return 2;
  }
  let session: OpenSession;
  try {
    session = await openSession(args, profile, store, lang);
  } catch (error) {
    const { describeError } = await import('../services/describe-error.ts');
    const m = describeError(error);
    console.error(
      say('cli.loginFailed', {
        url: args.url ?? profile?.url ?? 'demo',
        message: translate(lang, m.key, m.params),
      }),
    );
    return 1;
  }
  // Ink and the screens load only now: --help, --version and the no-terminal message stay instant.
  const [{ render }, { App }] = await Promise.all([import('ink'), import('../app.tsx')]);
  const leave = enterAlternateScreen();
  try {
    // Ctrl+C is handled by the app, so that keys batched with it in one read still quit.
    const app = render(<App session={session} lang={lang} />, { exitOnCtrlC: false, patchConsole: true });
    await app.waitUntilExit();
  } finally {
    leave();
    await session.close().catch(() => undefined);
  }
  return 0;
}

async function openSession(
  args: CliArgs,
  profile: ReturnType<ProfileStore['get']>,
  store: ProfileStore,
  lang: Lang,
): Promise<OpenSession> {
  const url = args.url ?? profile?.url;
  if (args.demo || !url) {
    console.error(translate(lang, 'cli.demoStarting'));
    const { startDemoSession } = await import('../services/demo.ts');
    return startDemoSession(store);
  }
  const user = args.user ?? profile?.user;
  if (!user) throw new TypeError(translate(lang, 'cli.needsUser'));
  const password =
    process.env.CASELLA_PASSWORD || (await promptPassword(translate(lang, 'cli.password', { user })));
  const caFile = args.ca ?? profile?.ca;
  const pecUrl = args.pecUrl ?? profile?.pecUrl;
  const accountUrl = args.accountUrl ?? profile?.accountUrl;
  // A slow server takes seconds to log in: say what is happening instead of a blank terminal.
  console.error(translate(lang, 'cli.loggingIn', { url, user }));
  const { connectSession } = await import('../services/connect.ts');
  return connectSession({
    url,
    user,
    password,
    profiles: store,
    profile: profile?.name,
    ...(caFile ? { ca: readFileSync(caFile, 'utf8') } : {}),
    ...(pecUrl ? { pecUrl } : {}),
    ...(accountUrl ? { accountUrl } : {}),
  });
}
