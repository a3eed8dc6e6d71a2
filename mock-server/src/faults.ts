/**
 * Faults the mock injects; all default to off. `failNext`/`failureRate`/`rateLimitRate` act *before* a
 * request reaches a backend (nothing happens); `loseNext`/`lostAnswerRate` and `stallNext`/`stallRate`
 * act *after* it was handled (its effects are kept), which is what makes a write ambiguous for a client.
 */
export interface FaultSettings {
  /** Added latency in ms before every answer (0..60,000). @default 0 */
  latencyMs: number;
  /** Share of requests (0..1) that fail instead of being handled. @default 0 */
  failureRate: number;
  /** How an injected failure looks: an HTTP 503 without a protocol body, or a dropped connection. @default '5xx' */
  failureMode: '5xx' | 'reset';
  /** Share of pec-admin requests (0..1) answered `429 RATE_LIMITED` with `Retry-After`. @default 0 */
  rateLimitRate: number;
  /** Seconds sent in `Retry-After` with an injected 429 (0..86,400). @default 1 */
  retryAfterSeconds: number;
  /** Fail exactly the next N requests (deterministic, for tests), then stop. @default 0 */
  failNext: number;
  /**
   * Share of requests (0..1) that are handled, their effects kept, and then answered by nothing: the
   * connection is dropped (msw: a network error). @default 0
   */
  lostAnswerRate: number;
  /** Lose the answers of exactly the next N handled requests (deterministic), then stop. @default 0 */
  loseNext: number;
  /** Share of requests (0..1) that are handled and answered only after `stallMs`. @default 0 */
  stallRate: number;
  /** Stall exactly the next N handled requests (deterministic), then stop. @default 0 */
  stallNext: number;
  /** How long a stalled answer waits, in ms (0..300,000): make it longer than the client's timeout. @default 30000 */
  stallMs: number;
}

/** Counts of what the injector did since the start or the last `reset()`; a test reads them to know what happened. */
export interface FaultStats {
  /** Requests that reached the injector (the control plane is not counted). */
  requests: number;
  /** Failed before reaching a backend (`failNext`, `failureRate`): nothing was done. */
  failed: number;
  /** pec-admin requests answered with an injected `429`: nothing was done. */
  rateLimited: number;
  /** Handled, effects kept, answer dropped (`loseNext`, `lostAnswerRate`). */
  lostAnswers: number;
  /** Handled, effects kept, answered after `stallMs` (`stallNext`, `stallRate`). */
  stalled: number;
}

/** Settings that inject nothing: what `reset()` goes back to. */
export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  failureRate: 0,
  failureMode: '5xx',
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  failNext: 0,
  lostAnswerRate: 0,
  loseNext: 0,
  stallRate: 0,
  stallNext: 0,
  stallMs: 30_000,
});

const NO_STATS: Readonly<FaultStats> = Object.freeze({
  requests: 0,
  failed: 0,
  rateLimited: 0,
  lostAnswers: 0,
  stalled: 0,
});

/** What the injector decided for one request before it is handled. */
export type FaultDecision =
  | {
      /** Handle the request. */
      kind: 'none';
    }
  | {
      /** Fail it before any backend sees it. */
      kind: 'fail';
      /** How the failure looks. */
      mode: '5xx' | 'reset';
    };

/** What happens to the answer of a request that was handled. */
export type AnswerDecision =
  | {
      /** Send the answer. */
      kind: 'deliver';
    }
  | {
      /** Drop the connection without an answer. */
      kind: 'lose';
    }
  | {
      /** Send the answer late. */
      kind: 'stall';
      /** How late, in ms. */
      ms: number;
    };

/**
 * Holds the current fault settings and statistics. Every value is checked (a bad one throws a
 * {@link FaultSettingError} naming the field, and nothing changes); the random source is injectable so
 * tests stay deterministic.
 */
export class FaultInjector {
  #settings: FaultSettings;
  #stats: FaultStats = { ...NO_STATS };
  readonly #random: () => number;

  constructor(initial: Partial<FaultSettings> = {}, random: () => number = Math.random) {
    this.#settings = { ...NO_FAULTS, ...validateFaultChanges(initial) };
    this.#random = random;
  }

  /** The current settings (a copy). */
  get settings(): FaultSettings {
    return { ...this.#settings };
  }

  /** What was injected so far (a copy). */
  get stats(): FaultStats {
    return { ...this.#stats };
  }

  /** Replaces some settings, keeping the others; all-or-nothing when a value is refused. */
  set(changes: Partial<FaultSettings>): void {
    this.#settings = { ...this.#settings, ...validateFaultChanges(changes) };
  }

  /** Back to no faults, statistics zeroed. */
  clear(): void {
    this.#settings = { ...NO_FAULTS };
    this.#stats = { ...NO_STATS };
  }

  /** Decides whether this request fails before it is handled; consumes one `failNext` when it does. */
  decide(): FaultDecision {
    const s = this.#settings;
    this.#stats.requests += 1;
    if (s.failNext > 0) {
      s.failNext -= 1;
      this.#stats.failed += 1;
      return { kind: 'fail', mode: s.failureMode };
    }
    if (s.failureRate > 0 && this.#random() < s.failureRate) {
      this.#stats.failed += 1;
      return { kind: 'fail', mode: s.failureMode };
    }
    return { kind: 'none' };
  }

  /** True when a pec-admin request should get an injected 429. */
  rateLimited(): boolean {
    const limited = this.#settings.rateLimitRate > 0 && this.#random() < this.#settings.rateLimitRate;
    if (limited) this.#stats.rateLimited += 1;
    return limited;
  }

  /** Decides, after a request was handled, whether its answer is delivered, lost or stalled. */
  afterHandling(): AnswerDecision {
    const s = this.#settings;
    if (s.loseNext > 0) {
      s.loseNext -= 1;
      this.#stats.lostAnswers += 1;
      return { kind: 'lose' };
    }
    if (s.lostAnswerRate > 0 && this.#random() < s.lostAnswerRate) {
      this.#stats.lostAnswers += 1;
      return { kind: 'lose' };
    }
    if (s.stallNext > 0) {
      s.stallNext -= 1;
      this.#stats.stalled += 1;
      return { kind: 'stall', ms: s.stallMs };
    }
    if (s.stallRate > 0 && this.#random() < s.stallRate) {
      this.#stats.stalled += 1;
      return { kind: 'stall', ms: s.stallMs };
    }
    return { kind: 'deliver' };
  }
}

/** The rule one setting must meet: a number range (whole numbers when `integer`) or one of some words. */
export type FaultRule =
  | {
      /** A number within bounds. */
      readonly kind: 'number';
      /** Smallest value accepted. */
      readonly min: number;
      /** Largest value accepted. */
      readonly max: number;
      /** Whole numbers only. */
      readonly integer: boolean;
    }
  | {
      /** One of a list. */
      readonly kind: 'enum';
      /** The values accepted. */
      readonly values: readonly string[];
    };

const rate: FaultRule = { kind: 'number', min: 0, max: 1, integer: false };
const count: FaultRule = { kind: 'number', min: 0, max: 1_000_000, integer: true };

/**
 * The rule of every setting. The upper bounds keep one request from hanging the mock: a latency is at
 * most a minute, a stall at most five minutes.
 */
export const FAULT_RULES: Readonly<Record<keyof FaultSettings, FaultRule>> = Object.freeze({
  latencyMs: { kind: 'number', min: 0, max: 60_000, integer: true },
  failureRate: rate,
  failureMode: { kind: 'enum', values: ['5xx', 'reset'] },
  rateLimitRate: rate,
  retryAfterSeconds: { kind: 'number', min: 0, max: 86_400, integer: true },
  failNext: count,
  lostAnswerRate: rate,
  loseNext: count,
  stallRate: rate,
  stallNext: count,
  stallMs: { kind: 'number', min: 0, max: 300_000, integer: true },
});

/** A fault setting that was refused: names the field and the rule it broke. */
export class FaultSettingError extends TypeError {
  /** Always `FaultSettingError`. */
  override readonly name = 'FaultSettingError';
  constructor(
    /** The setting, e.g. `latencyMs` (or `(body)` when the whole value is not an object). */
    readonly field: string,
    /** The broken rule: `unknown`, `type`, `integer`, `range` or `enum`. */
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/** The words of a rule, for messages: "a whole number from 0 to 60000". */
export function describeRule(rule: FaultRule): string {
  if (rule.kind === 'enum') return `one of ${rule.values.map((v) => `"${v}"`).join(', ')}`;
  return `${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`;
}

/**
 * Checks a partial settings object (from code, the CLI or `POST /__mock/faults`) and returns it typed;
 * throws a {@link FaultSettingError} for the first unknown member or bad value.
 */
export function validateFaultChanges(changes: unknown): Partial<FaultSettings> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new FaultSettingError('(body)', 'type', 'fault settings must be an object');
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    // An explicit undefined means "not given", as with an absent member.
    if (value === undefined) continue;
    if (!Object.hasOwn(FAULT_RULES, field)) {
      const known = Object.keys(FAULT_RULES).join(', ');
      throw new FaultSettingError(field, 'unknown', `${field} is not a fault setting (known: ${known})`);
    }
    const rule = FAULT_RULES[field as keyof FaultSettings];
    const wanted = `${field} must be ${describeRule(rule)}`;
    if (rule.kind === 'enum') {
      if (typeof value !== 'string' || !rule.values.includes(value)) {
        throw new FaultSettingError(field, 'enum', wanted);
      }
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new FaultSettingError(field, 'type', wanted);
      }
      if (rule.integer && !Number.isInteger(value)) throw new FaultSettingError(field, 'integer', wanted);
      if (value < rule.min || value > rule.max) throw new FaultSettingError(field, 'range', wanted);
    }
    out[field] = value;
  }
  return out as Partial<FaultSettings>;
}
