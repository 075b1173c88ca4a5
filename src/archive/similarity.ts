/**
 * When two recaps name the same talk. Titles are compared as sets of significant words, with
 * an edit-distance fallback for typos; the thresholds favour keeping distinct talks apart.
 */
import { tokens } from './text.ts';

const STOPWORDS = new Set(
  'a an the of to in on and or for with at by from is are how why what your you we our my it its de la le les des et du un une en der die das und von zu el los las y del'.split(
    ' ',
  ),
);

export function titleWords(title: string): string[] {
  const all = tokens(title);
  const significant = all.filter((word) => !STOPWORDS.has(word));
  return significant.length ? significant : all;
}

function jaccard(a: Set<string>, b: Set<string>): { overlap: number; ratio: number } {
  let overlap = 0;
  for (const word of a) if (b.has(word)) overlap++;
  const union = a.size + b.size - overlap;
  return { overlap, ratio: union === 0 ? 0 : overlap / union };
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * True when two titles most likely name one talk: same words, mostly the same words, one a
 * subtitle-less version of the other, or the same letters but for a few typos.
 */
export function similarTitles(a: string[], b: string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  const { overlap, ratio } = jaccard(left, right);
  if (ratio >= 0.6) return true;
  const smaller = Math.min(left.size, right.size);
  if (smaller >= 2 && overlap === smaller && smaller / Math.max(left.size, right.size) >= 0.4) return true;
  // A few typos change a few words; titles differing by more words than that are not compared letter by letter.
  if (smaller - overlap > 2 || (overlap === 0 && smaller > 1)) return false;
  const joinedA = a.join(' ');
  const joinedB = b.join(' ');
  const limit = Math.floor(Math.min(joinedA.length, joinedB.length) / 8);
  return limit > 0 && editDistance(joinedA, joinedB, limit) <= limit;
}

/** A weaker test, used only when the same speaker gave both: any significant word in common. */
export function relatedTitles(a: string[], b: string[]): boolean {
  const right = new Set(b);
  return a.some((word) => right.has(word));
}
