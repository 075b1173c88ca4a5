/**
 * Dates as posts write them, to ISO "2018-06-01": ISO stamps, "Jun 1st, 2018", "1er juin 2018",
 * "7. Oktober 2000", "2018年6月1日", and the /2018/06/01/ or 2016-04-25-slug forms of URLs and
 * file names.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'jänner'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fev', 'februar'],
  ['march', 'mar', 'mars', 'märz', 'maerz'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin', 'juni'],
  ['july', 'jul', 'juillet', 'juil', 'juli'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre', 'oktober', 'okt'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'dezember', 'dez'],
];
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) MONTHS[name] = i + 1;
});
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|e|\\.)?';
const YEAR = '((?:19|20)\\d\\d)';

const PATTERNS: { re: RegExp; order: 'ymd' | 'mdy' | 'dmy' | 'numeric' }[] = [
  { re: new RegExp(`(?<!\\d)${YEAR}-(\\d\\d)-(\\d\\d)(?!\\d)`), order: 'ymd' },
  { re: new RegExp(`(?<!\\d)${YEAR}\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`), order: 'ymd' },
  { re: new RegExp(`(?<![\\p{L}])${MONTH}\\s+${DAY},?\\s+${YEAR}(?!\\d)`, 'iu'), order: 'mdy' },
  { re: new RegExp(`(?<![\\p{L}\\d])${DAY}\\s+${MONTH},?\\s+${YEAR}(?!\\d)`, 'iu'), order: 'dmy' },
  { re: new RegExp(`(?<![\\d/])(\\d{1,2})/(\\d{1,2})/${YEAR}(?![\\d/])`), order: 'numeric' },
];

/** 18/10/2018 or 10/18/2018; 05/06/2018 could be either, so it is no date. */
function numericDate(a: number, b: number, year: number): string | null {
  if (a > 12 && b <= 12) return iso(year, b, a);
  if (b > 12 && a <= 12) return iso(year, a, b);
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase()] ?? 0;
}

type Order = (typeof PATTERNS)[number]['order'];

function toIso(order: Order, a: string, b: string, c: string): string | null {
  switch (order) {
    case 'numeric':
      return numericDate(Number(a), Number(b), Number(c));
    case 'ymd':
      return iso(Number(a), Number(b), Number(c));
    case 'mdy':
      return iso(Number(c), monthNumber(a), Number(b));
    case 'dmy':
      return iso(Number(c), monthNumber(b), Number(a));
  }
}

/** The earliest date written in `text`, as ISO, or null. */
export function parseDate(text: string): string | null {
  let best: { index: number; value: string } | null = null;
  for (const { re, order } of PATTERNS) {
    const m = re.exec(text);
    const value = m ? toIso(order, m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (m && value && (!best || m.index < best.index)) best = { index: m.index, value };
  }
  return best?.value ?? null;
}

/** A date in a URL or file name: /2018/06/01/, 2016-04-25-slug, or /2012/05/ (first of month). */
export function dateFromPath(path: string): string | null {
  const full = /(?<!\d)((?:19|20)\d\d)[/_-](\d\d)[/_-](\d\d)(?!\d)/.exec(path);
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]));
  const month = /\/((?:19|20)\d\d)\/(\d\d)\//.exec(path);
  return month ? iso(Number(month[1]), Number(month[2]), 1) : null;
}

/** Front matter dates arrive as Date objects (YAML timestamps) or strings. */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return parseDate(value);
  return null;
}
