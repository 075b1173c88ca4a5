/**
 * The logger of the long-running commands: pino, writing JSON lines when the output is a file
 * or a pipe (for log collectors), and short readable lines on a terminal; and the one-line
 * summary of an indexing run that they log.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import type { IndexReport } from '../indexer/index.ts';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const COLOURS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[31m' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'req', 'res', 'responseTime']);

interface Line {
  level: number;
  time: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
  [key: string]: unknown;
}

function detail(key: string, value: unknown): string {
  if (key === 'err' && value && typeof value === 'object') return `\n${(value as Line['err'])?.stack ?? ''}`;
  return ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** One JSON log line as "12:03:04 INFO  message key=value". */
export function prettyLine(json: string): string {
  let line: Line;
  try {
    line = JSON.parse(json) as Line;
  } catch {
    return json;
  }
  const time = new Date(line.time).toTimeString().slice(0, 8);
  const colour = COLOURS[line.level] ?? '';
  const level = `${colour}${LEVELS[line.level] ?? line.level}${colour ? '\x1b[0m' : ''}`;
  let text = line.msg ?? '';
  if (line.req && line.res) {
    text = `${line.req.method} ${line.req.url} ${line.res.statusCode} ${line.responseTime ?? '?'}ms`;
  }
  const rest = Object.entries(line)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => detail(key, value))
    .join('');
  return `${time} ${level} ${text}${rest}\n`;
}

export function createLogger(level: string, stream: NodeJS.WriteStream = process.stderr): Logger {
  if (!stream.isTTY) return pino({ level }, stream);
  const destination: DestinationStream = { write: (json) => stream.write(prettyLine(json)) };
  return pino({ level }, destination);
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** One line for the log: "1 post added (a.md), 3 talks added, 180 talks in all, 42 ms". */
export function describeRun(report: IndexReport): string {
  const { posts, talks } = report;
  const parts: string[] = [];
  const names = (paths: string[]) => (paths.length > 0 && paths.length <= 3 ? ` (${paths.join(', ')})` : '');
  if (posts.added.length) parts.push(`${count(posts.added.length, 'post')} added${names(posts.added)}`);
  if (posts.changed.length)
    parts.push(`${count(posts.changed.length, 'post')} changed${names(posts.changed)}`);
  if (posts.removed.length)
    parts.push(`${count(posts.removed.length, 'post')} removed${names(posts.removed)}`);
  if (posts.renamed.length) parts.push(`${count(posts.renamed.length, 'post')} renamed`);
  for (const kind of ['added', 'changed', 'removed'] as const) {
    if (talks[kind]) parts.push(`${count(talks[kind], 'talk')} ${kind}`);
  }
  if (parts.length === 0) parts.push('no change');
  return `${parts.join(', ')}; ${count(report.totals.talks, 'talk')} in all, ${report.durationMs} ms`;
}
