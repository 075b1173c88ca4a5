/**
 * Typo correction over the vocabulary of titles, speakers, topics and conferences: the closest
 * known word by edit distance (adjacent swaps count as one edit), the more frequent one on ties.
 * correctWord is the plain linear scan, the reference that vocabulary.ts's indexed lookup must
 * agree with.
 */

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows; typed arrays because this runs over the whole vocabulary.
  let prev2 = new Uint16Array(b.length + 1);
  let prev = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length]!;
}

/** Short words get no correction: too many real words sit one edit apart. */
export function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The vocabulary word `word` most likely stands for, or null when it is known, is the start of a
 * known word (someone still typing), or nothing is close enough.
 */
export function correctWord(word: string, vocabulary: ReadonlyMap<string, number>): string | null {
  const folded = foldWord(word);
  const max = allowedEdits(folded);
  if (max === 0 || !/^[\p{L}\p{N}]+$/u.test(folded) || vocabulary.has(folded)) return null;
  let best: string | null = null;
  let bestDistance = max + 1;
  let bestCount = 0;
  for (const [candidate, count] of vocabulary) {
    if (candidate.startsWith(folded)) return null;
    const d = editDistance(folded, candidate, Math.min(max, bestDistance));
    if (d <= max && isBetter(d, count, candidate, bestDistance, bestCount, best)) {
      [best, bestDistance, bestCount] = [candidate, d, count];
    }
  }
  return bestDistance <= max ? best : null;
}

/** Closer first, then the more frequent word, then alphabetical: the order is total. */
export function isBetter(
  d: number,
  count: number,
  candidate: string,
  bestDistance: number,
  bestCount: number,
  best: string | null,
): boolean {
  if (d !== bestDistance) return d < bestDistance;
  if (count !== bestCount) return count > bestCount;
  return best === null || candidate < best;
}
