/**
 * Which entry of a post's new version continues which entry of its old version, so that a
 * corrected title can redirect: same anchor first, then same title, then same speakers.
 */
import type { Entry } from './entries.ts';
import { compareStrings } from './text.ts';

type Signature = (entry: Entry) => string | null;

const SIGNATURES: Signature[] = [
  (entry) => entry.anchor,
  (entry) => (entry.title ? entry.words.join(' ') : null),
  (entry) => {
    const keys = entry.speakers.map((s) => s.keys[0] ?? '').filter(Boolean);
    return keys.length ? keys.sort(compareStrings).join('|') : null;
  },
];

/** Old entry key -> new entry key, each entry used at most once. */
export function matchEntries(old: Entry[], next: Entry[]): Map<string, string> {
  const matches = new Map<string, string>();
  const taken = new Set<string>();
  for (const signature of SIGNATURES) {
    const free = new Map<string, Entry[]>();
    for (const entry of next) {
      const value = signature(entry);
      if (value && !taken.has(entry.key)) free.set(value, [...(free.get(value) ?? []), entry]);
    }
    for (const entry of old) {
      const value = signature(entry);
      const candidate = value && !matches.has(entry.key) ? free.get(value)?.shift() : undefined;
      if (!candidate) continue;
      matches.set(entry.key, candidate.key);
      taken.add(candidate.key);
    }
  }
  return matches;
}
