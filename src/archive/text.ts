/**
 * Text normalisation shared by the archive: slugs for ids, token sets for comparing titles,
 * and keys for recognising one person under several spellings.
 */

/** Letters that Unicode decomposition leaves alone but URLs read better without. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Accents are dropped only where the base letter is readable alone (kana voicing marks are not). */
const STRIPPABLE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

function foldChar(char: string): string {
  const lower = char.toLowerCase();
  const folded = FOLD[lower];
  if (folded) return folded;
  if (!STRIPPABLE.test(lower)) return lower;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Lowercase, accents stripped from alphabetic scripts, other scripts (CJK, kana, hangul) kept. */
export function foldText(text: string): string {
  // Most titles and names are plain ASCII: skip the per-character work for them.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text.normalize('NFKC')) out += foldChar(char);
  return out;
}

/**
 * "Istio: we have a problem!" -> "istio-we-have-a-problem". Runs of anything that is not a letter
 * or a digit become one "-"; CJK characters are kept as they are (browsers show them in URLs).
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldText(text)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

export function tokens(text: string): string[] {
  return slugify(text, Number.POSITIVE_INFINITY).split('-').filter(Boolean);
}

/**
 * The key under which spellings of one name meet: "David J. Gageot", "david gageot" and
 * "Dávid Gageot" give "david gageot". Middle initials are dropped, first and last tokens kept.
 */
export function nameKey(name: string): string {
  const parts = tokens(name);
  if (parts.length <= 2) return parts.join(' ');
  const middle = parts.slice(1, -1).filter((part) => part.length > 1);
  return [parts[0], ...middle, parts[parts.length - 1]].join(' ');
}

/** "@DGageot" and "dgageot" are one handle. */
export function handleKey(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

/** Orders strings by code point, independent of the locale the process runs in. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Picks one spelling among several deterministically: the most frequent, then the one `rank`
 * scores higher, then the longest, then the first in code-point order.
 */
export function pickCanonical(
  values: Iterable<string>,
  rank: (value: string) => number = () => 0,
): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return pickFromCounts(counts, rank);
}

/** `pickCanonical` over spellings already counted. */
export function pickFromCounts(
  counts: Map<string, number>,
  rank: (value: string) => number = () => 0,
): string | null {
  const score = (value: string): [number, number, number] => [counts.get(value)!, rank(value), value.length];
  let best: string | null = null;
  for (const value of counts.keys()) {
    if (best === null) {
      best = value;
      continue;
    }
    const [a, b] = [score(value), score(best)];
    const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || compareStrings(best, value);
    if (order > 0) best = value;
  }
  return best;
}

/** Full names read better than initials: "David Gageot" over "D. Gageot". */
export function fewerInitials(name: string): number {
  return -tokens(name).filter((token) => token.length === 1).length;
}
