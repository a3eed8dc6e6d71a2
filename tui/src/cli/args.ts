import { parseArgs } from 'node:util';

/** The command line of `casella`. */
export interface CliArgs {
  readonly profile?: string;
  readonly url?: string;
  readonly user?: string;
  readonly ca?: string;
  readonly pecUrl?: string;
  readonly accountUrl?: string;
  readonly lang?: string;
  readonly demo: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Parses argv (without node and the script); throws a TypeError naming the bad flag. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      profile: { type: 'string' },
      url: { type: 'string' },
      user: { type: 'string' },
      ca: { type: 'string' },
      'pec-url': { type: 'string' },
      'account-url': { type: 'string' },
      lang: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.lang !== undefined && values.lang !== 'it' && values.lang !== 'en') {
    throw new TypeError(`--lang must be it or en, not ${values.lang}`);
  }
  return {
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    ...(values.ca !== undefined ? { ca: values.ca } : {}),
    ...(values['pec-url'] !== undefined ? { pecUrl: values['pec-url'] } : {}),
    ...(values['account-url'] !== undefined ? { accountUrl: values['account-url'] } : {}),
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    demo: values.demo ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
