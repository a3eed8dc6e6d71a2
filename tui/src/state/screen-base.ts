import type { Lang } from '../i18n/catalogue.ts';
import type { BindingId } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { errorMessage, type Message } from './message.ts';
import type { Loaded, Pending, Progress, Request } from './requests.ts';
import type { Screen } from './screen.ts';

/** Fields every screen carries: a stable id, the request in flight, and a feedback line. */
export interface ScreenBase {
  readonly id: number;
  readonly seq: number;
  readonly pending: Pending | null;
  readonly message: Message | null;
  /** The read the screen opened with: asked again when the form is sent before it ever arrived. */
  readonly load?: Request;
}

/** What the session tells every screen: who is logged in and in which mode. */
export interface Env {
  readonly demo: boolean;
  /** The admin user and server shown on Home. */
  readonly user: string;
  readonly server: string;
  /** The saved profile the session was opened from, shown on the context line; unset when none. */
  readonly profile?: string;
  /** Prefill of the PEC login (the demo postmaster in demo mode). */
  readonly pecUser: string;
  readonly pecPassword: string;
  /** The UI's language, the default of a new profile's; English when not given. */
  readonly lang?: Lang;
}

/** What a screen's key handler may use besides its own state. */
export interface Ctx {
  /** Rows of a list window, from the terminal size. */
  readonly page: number;
  readonly env: Env;
}

/** A navigation request from a screen to the app reducer. */
export type Nav =
  | { readonly type: 'push'; readonly screen: Screen }
  | { readonly type: 'replace'; readonly screen: Screen }
  | { readonly type: 'pop'; readonly message?: Message; readonly reload?: boolean }
  /** Pops down to the nearest screen of `kind` (or once when none), which reloads. */
  | { readonly type: 'popTo'; readonly kind: Screen['kind']; readonly message?: Message }
  | { readonly type: 'home'; readonly message?: Message }
  /** The top screen changed data: it reloads, and the screens under it reload when shown again. */
  | { readonly type: 'changed'; readonly message?: Message }
  | { readonly type: 'help' }
  | { readonly type: 'quit' }
  /** tui-cmdline: keeps the first `keep` screens (Home at least) and pushes `screens` (the `:` line). */
  | { readonly type: 'jump'; readonly keep: number; readonly screens: readonly Screen[] };

/** A screen's new state and, maybe, where to go next. */
export interface Step<S> {
  readonly screen: S;
  readonly nav?: Nav;
}

/** A read a screen wants done in the background (a page of a long list), keyed so it starts once. */
export interface Fetch {
  /** Names what is fetched; the answer comes back with it, so the screen can tell a stale one. */
  readonly key: string;
  readonly req: Request;
}

/** The background reads a screen wants now; `debounce` waits for typing to pause before starting them. */
export interface Fetches {
  readonly list: readonly Fetch[];
  readonly debounce: boolean;
}

/** The pure logic of one screen kind. */
export interface ScreenLogic<S extends Screen> {
  onKey(screen: S, key: KeyEvent, ctx: Ctx): Step<S>;
  onLoaded?(screen: S, data: Loaded, ctx: Ctx): Step<S>;
  /** Live figures of the screen's job in flight (see hooks/use-jobs.ts); never navigates. */
  onProgress?(screen: S, progress: Progress): S;
  /** The screen after its request failed; by default it shows `message`. Lets a form word a refusal its way. */
  onFailed?(screen: S, message: Message): S;
  /** Background reads the screen wants for its current state; the request hook starts each key once. */
  fetches?(screen: S, ctx: Ctx): Fetches;
  /** The answer to a background read; the screen drops it when `key` no longer matches what it shows. */
  onFetched?(screen: S, key: string, data: Loaded, ctx: Ctx): S;
  /** True while printable keys are text (so `q` and `?` are typed, not obeyed). */
  captures?(screen: S): boolean;
  /** True when leaving would lose typed input. */
  dirty?(screen: S): boolean;
  /** The screen after a child changed its data (e.g. a list after a create). */
  reload?(screen: S): S;
  /** Bindings the footer shows, most useful first. */
  footer(screen: S): readonly BindingId[];
  /** Every binding the screen honours, for the help screen; the footer's when not given. */
  keys?(screen: S): readonly BindingId[];
}

/** The base of a new screen, optionally starting a request at once. */
export function base(req?: Request): ScreenBase {
  return req
    ? { id: 0, seq: 1, pending: { seq: 1, req }, message: null, load: req }
    : { id: 0, seq: 0, pending: null, message: null };
}

/**
 * A form sent before its data arrived: while the read is in flight it says so; when the read failed
 * (e.g. `service.PERM_DENIED`) it asks again, so the user sees the real cause instead of a form that
 * says "still loading" forever.
 */
export function notReady<S extends ScreenBase>(s: S): Step<S> {
  if (s.pending || !s.load) return stay({ ...s, message: errorMessage('form.stillLoading') });
  return stay(withRequest(s, s.load));
}

/** The screen with a new request in flight and its feedback line cleared. */
export function withRequest<S extends ScreenBase>(screen: S, req: Request): S {
  const seq = screen.seq + 1;
  return { ...screen, seq, pending: { seq, req }, message: null };
}

/** The screen with a feedback line and no navigation. */
export function stay<S>(screen: S): Step<S> {
  return { screen };
}
