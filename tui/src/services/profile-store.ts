import Conf from 'conf';
import type { ProfileService } from './session.ts';
import type { Profile } from './types.ts';

type Stored = Omit<Profile, 'name'>;

interface Store {
  profiles: Record<string, Stored>;
}

/** A profile store that can also look one profile up. */
export interface ProfileStore extends ProfileService {
  get(name: string): Profile | undefined;
  /** Path of the config file (0600). */
  readonly path: string;
}

// Only these fields are ever written: never a password or a token.
function clean(p: Profile): Stored {
  return {
    url: p.url,
    user: p.user,
    ...(p.ca ? { ca: p.ca } : {}),
    ...(p.pecUrl ? { pecUrl: p.pecUrl } : {}),
    ...(p.accountUrl ? { accountUrl: p.accountUrl } : {}),
    ...(p.lang ? { lang: p.lang } : {}),
  };
}

function read(name: string, raw: unknown): Profile | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.url !== 'string' || typeof r.user !== 'string') return undefined;
  return {
    name,
    url: r.url,
    user: r.user,
    ...(typeof r.ca === 'string' ? { ca: r.ca } : {}),
    ...(typeof r.pecUrl === 'string' ? { pecUrl: r.pecUrl } : {}),
    ...(typeof r.accountUrl === 'string' ? { accountUrl: r.accountUrl } : {}),
    ...(r.lang === 'it' || r.lang === 'en' ? { lang: r.lang } : {}),
  };
}

/**
 * Profiles saved with conf in `~/.config/casella/config.json` (mode 0600), or under
 * `CASELLA_CONFIG_DIR` when set (tests use a temporary directory).
 */
export function createProfileStore(
  configDir: string | undefined = process.env.CASELLA_CONFIG_DIR,
): ProfileStore {
  const conf = new Conf<Store>({
    projectName: 'casella',
    projectSuffix: '',
    configFileMode: 0o600,
    defaults: { profiles: {} },
    ...(configDir ? { cwd: configDir } : {}),
  });
  const all = (): Profile[] =>
    Object.entries(conf.get('profiles') ?? {})
      .map(([name, raw]) => read(name, raw))
      .filter((p): p is Profile => p !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    path: conf.path,
    list: all,
    get: (name) => all().find((p) => p.name === name),
    save(profile) {
      conf.set('profiles', { ...conf.get('profiles'), [profile.name]: clean(profile) });
    },
    remove(name) {
      const { [name]: _gone, ...rest } = conf.get('profiles');
      conf.set('profiles', rest);
    },
  };
}
