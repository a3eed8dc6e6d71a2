/** Faults the mock injects before a request reaches a backend; all default to off. */
export interface FaultSettings {
  /** Added latency in ms before every answer. @default 0 */
  latencyMs: number;
  /** Share of requests (0..1) that fail instead of being handled. @default 0 */
  failureRate: number;
  /** How an injected failure looks: an HTTP 503 without a protocol body, or a dropped connection. @default '5xx' */
  failureMode: '5xx' | 'reset';
  /** Share of pec-admin requests (0..1) answered `429 RATE_LIMITED` with `Retry-After`. @default 0 */
  rateLimitRate: number;
  /** Seconds sent in `Retry-After` with an injected 429. @default 1 */
  retryAfterSeconds: number;
  /** Fail exactly the next N requests (deterministic, for tests), then stop. @default 0 */
  failNext: number;
}

/** Settings that inject nothing: what `reset()` goes back to. */
export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  failureRate: 0,
  failureMode: '5xx',
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  failNext: 0,
});

/** What the injector decided for one request. */
export type FaultDecision = { kind: 'none' } | { kind: 'fail'; mode: '5xx' | 'reset' };

/** Holds the current fault settings; the random source is injectable so tests stay deterministic. */
export class FaultInjector {
  settings: FaultSettings;
  readonly #random: () => number;

  constructor(initial: Partial<FaultSettings> = {}, random: () => number = Math.random) {
    this.settings = { ...NO_FAULTS, ...initial };
    this.#random = random;
  }

  /** Replaces some settings, keeping the others. */
  set(changes: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...changes };
  }

  clear(): void {
    this.settings = { ...NO_FAULTS };
  }

  /** Decides whether this request fails; consumes one `failNext` when it does. */
  decide(): FaultDecision {
    const s = this.settings;
    if (s.failNext > 0) {
      this.settings = { ...s, failNext: s.failNext - 1 };
      return { kind: 'fail', mode: s.failureMode };
    }
    if (s.failureRate > 0 && this.#random() < s.failureRate) return { kind: 'fail', mode: s.failureMode };
    return { kind: 'none' };
  }

  /** True when a pec-admin request should get an injected 429. */
  rateLimited(): boolean {
    return this.settings.rateLimitRate > 0 && this.#random() < this.settings.rateLimitRate;
  }
}
