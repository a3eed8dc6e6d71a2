// A fake 80×24 terminal for Ink's own `render` in the TUI benchmarks (tui-render.ts, tui-sort-filter.ts),
// and the figures' helpers both print with.

import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

const ANSI = /\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g;

/** A number for a figure, with thousands separators. */
export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Waits `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The `p`th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

/** The median of `values`. */
export const median = (values: readonly number[]) => percentile(values, 50);

/** A TTY-like stdout of a fixed size that records every write with its time. */
export class FakeStdout extends Writable {
  readonly isTTY = true;
  readonly columns: number;
  readonly rows: number;
  writes: { at: number; bytes: number; text: string }[] = [];
  onWrite: (() => void) | undefined;

  constructor(columns = 80, rows = 24) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.writes.push({ at: performance.now(), bytes: Buffer.byteLength(text), text });
    this.onWrite?.();
    done();
  }

  /** The last frame's text, escapes removed (Ink writes whole frames; the last big write is the frame). */
  lastFrame(): string {
    for (let i = this.writes.length - 1; i >= 0; i--) {
      const text = this.writes[i]?.text ?? '';
      if (text.length > 40) return text.replace(ANSI, '');
    }
    return '';
  }

  /** Resolves at the next write, with its time. */
  nextWrite(): Promise<number> {
    return new Promise((resolve) => {
      this.onWrite = () => {
        this.onWrite = undefined;
        resolve(performance.now());
      };
    });
  }
}

/** A TTY-like stdin Ink reads keys from (as ink-testing-library's). */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  #data: string | null = null;
  write(data: string): void {
    this.#data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    const data = this.#data;
    this.#data = null;
    return data;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Resolves with the time the last frame first satisfies `ready` (polled every millisecond). */
export async function until(
  stdout: FakeStdout,
  ready: (frame: string) => boolean,
  timeoutMs = 120_000,
): Promise<number> {
  const started = performance.now();
  while (!ready(stdout.lastFrame())) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`timed out; last frame:\n${stdout.lastFrame()}`);
    await sleep(1);
  }
  return performance.now();
}

/** Resolves with the time a frame first holds `text`. */
export function waitForFrame(stdout: FakeStdout, text: string, timeoutMs = 120_000): Promise<number> {
  return until(stdout, (f) => f.includes(text), timeoutMs);
}
