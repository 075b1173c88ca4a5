/**
 * Query sets drawn from a generated archive (fixed seed), the same for every engine:
 *   one      a word of rank 30-5000 in the vocabulary (found in a few to a few thousand talks);
 *   two      two words from the notes of one random talk, so there is usually a hit;
 *   prefix   the first 3-5 letters of a random title word (search-as-you-type);
 *   filtered a one-word query with a year filter and a topic filter.
 */
import type { Archive, SearchQuery } from '../../src/model.ts';
import { createRandom } from './random.ts';
import { rankedVocabulary } from './vocabulary.ts';

export type QueryKind = 'one' | 'two' | 'prefix' | 'filtered';
export const QUERY_KINDS: readonly QueryKind[] = ['one', 'two', 'prefix', 'filtered'];

export type QuerySets = Record<QueryKind, SearchQuery[]>;

export const query = (q: string, filters: Partial<SearchQuery> = {}): SearchQuery => ({
  q,
  topic: [],
  conference: [],
  year: [],
  speaker: [],
  page: 1,
  limit: 20,
  ...filters,
});

const words = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];

export function makeQueries(archive: Archive, count: number, seed = 99): QuerySets {
  const random = createRandom(seed);
  const vocabulary = rankedVocabulary(20_000, 42).slice(30, 5000);
  const years = [...new Set(archive.conferences.map((c) => c.year ?? 2020))];
  const topics = archive.topics.map((t) => t.id);
  const draw = <T>(make: () => T): T[] => Array.from({ length: count }, make);
  return {
    one: draw(() => query(random.pick(vocabulary))),
    two: draw(() => {
      const body = words(random.pick(archive.talks).text);
      return query(`${random.pick(body)} ${random.pick(body)}`);
    }),
    prefix: draw(() => {
      const word = random.pick(words(random.pick(archive.talks).title).filter((w) => w.length >= 3));
      return query(word ? word.slice(0, random.int(3, Math.min(5, word.length))) : 'kub');
    }),
    filtered: draw(() =>
      query(random.pick(vocabulary), { year: [random.pick(years)], topic: [random.pick(topics)] }),
    ),
  };
}
