/** A progress line: count, rate and time left. */
export interface Progress {
  /** `n` more done. */
  tick(n?: number): void;
  /** `done` of `total` done (a bulk run's progress event). */
  update(done: number, total: number): void;
  /** Clears the line (the next tick draws it again). */
  end(): void;
}

const NONE: Progress = { tick: () => undefined, update: () => undefined, end: () => undefined };

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A progress bar on `stream`, redrawn at most ten times a second, only when the stream is a terminal:
 * a pipe or a log file gets nothing, so `2> log` stays clean. `enabled: false` turns it off too (e.g.
 * when the results themselves scroll past on the same terminal).
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  initialTotal: number | undefined,
  enabled = true,
): Progress {
  if (!stream.isTTY || !enabled) return NONE;
  const started = Date.now();
  let done = 0;
  let total = initialTotal;
  let drawn = 0;
  const draw = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const width = 24;
    let line = `${done}`;
    if (total !== undefined && total > 0) {
      const filled = Math.min(width, Math.round((done / total) * width));
      const eta = rate > 0 ? clock((total - done) / rate) : '-:--';
      line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(0)}/s  ETA ${eta}`;
    } else {
      line = `${done}  ${rate.toFixed(0)}/s`;
    }
    stream.write(`\r\x1b[K${line}`);
  };
  return {
    tick(n = 1) {
      done += n;
      const now = Date.now();
      if (now - drawn >= 100 || done === total) {
        drawn = now;
        draw();
      }
    },
    update(nowDone, nowTotal) {
      total = nowTotal;
      this.tick(nowDone - done);
    },
    end() {
      stream.write('\r\x1b[K');
    },
  };
}
