/**
 * Progress of a long indexing run: a bar redrawn in place on a terminal, a plain line every
 * tenth of the way otherwise (logs and CI output must not fill up with carriage returns).
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Where plain lines go when the stream is not a terminal; defaults to the stream. */
  log?: (line: string) => void;
  /** Minimum time between two redraws of the bar, in milliseconds. */
  redrawMs?: number;
  now?: () => number;
  /** What is counted, plural: "posts". */
  unit?: string;
}

export interface Progress {
  /** `done` of `total` items are processed; `label` names the current one. */
  update(done: number, total: number, label?: string): void;
  /** Clears the bar; call once, before printing the report. */
  finish(): void;
}

const BAR_WIDTH = 24;

export function renderBar(done: number, total: number, unit: string, label = '', columns = 80): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const head = `${bar} ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total} ${unit}`;
  const room = columns - head.length - 2;
  if (!label || room < 8) return head;
  const shown = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
  return `${head}  ${shown}`;
}

function createBar(options: ProgressOptions): Progress {
  const { stream } = options;
  const unit = options.unit ?? 'posts';
  const redrawMs = options.redrawMs ?? 80;
  const now = options.now ?? Date.now;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done, total, label) {
      const time = now();
      if (done < total && time - lastDraw < redrawMs) return;
      lastDraw = time;
      drawn = true;
      stream.write(`\r${renderBar(done, total, unit, label, stream.columns ?? 80)}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function createLines(options: ProgressOptions): Progress {
  const unit = options.unit ?? 'posts';
  const log = options.log ?? ((line: string) => options.stream.write(`${line}\n`));
  let lastStep = 0;
  return {
    update(done, total) {
      // Nothing to say for small runs, and one line per tenth for large ones.
      if (total < 20) return;
      const step = Math.floor((done / total) * 10);
      if (step === lastStep) return;
      lastStep = step;
      log(`indexed ${done}/${total} ${unit} (${step * 10}%)`);
    },
    finish() {},
  };
}

export function createProgress(options: ProgressOptions): Progress {
  return options.stream.isTTY ? createBar(options) : createLines(options);
}
