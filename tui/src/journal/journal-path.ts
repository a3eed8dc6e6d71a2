import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the journal lives: `CASELLA_JOURNAL` when set (a path), else `$XDG_STATE_HOME/casella/journal.ndjson`,
 * else `~/.local/state/casella/journal.ndjson`. Undefined when `CASELLA_JOURNAL=off` turns it off.
 */
export function journalPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.CASELLA_JOURNAL;
  if (set !== undefined && set !== '') return set.toLowerCase() === 'off' ? undefined : set;
  // XDG: a relative XDG_STATE_HOME is invalid and must be ignored.
  const state = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'casella', 'journal.ndjson');
}
