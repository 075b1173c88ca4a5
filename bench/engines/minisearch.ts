/**
 * MiniSearch 7 over the same five fields, for reference: BM25 scoring of every match, AND
 * between words (as the archive's search), `prefix` for the prefix queries, `filter` for the
 * filtered ones, and the first 20 results kept.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Archive, SearchQuery, Talk } from '../../src/model.ts';
import { type Engine, measureSnapshot, type SnapshotFigures } from './types.ts';

type Doc = { id: number; title: string; speakers: string; topics: string; conference: string; notes: string };

const OPTIONS: Options<Doc> = {
  fields: ['title', 'speakers', 'topics', 'conference', 'notes'],
  storeFields: [],
};

interface Facets {
  years: Map<number, number>;
  topics: Map<number, string[]>;
}

export function createMiniSearchEngine(): Engine {
  let index = new MiniSearch<Doc>(OPTIONS);
  let names = new Map<string, string>();
  const ids = new Map<string, number>();
  const facets: Facets = { years: new Map(), topics: new Map() };
  const toDoc = (talk: Talk, id: number): Doc => ({
    id,
    title: talk.title,
    speakers: talk.speakerIds.map((s) => names.get(s) ?? s).join(' '),
    topics: talk.topicIds.map((t) => names.get(t) ?? t).join(' '),
    conference: names.get(talk.conferenceId) ?? '',
    notes: talk.text,
  });
  const allowed = (id: number, q: SearchQuery) =>
    q.year.every((y) => facets.years.get(id) === y) &&
    q.topic.every((t) => facets.topics.get(id)?.includes(t));

  return {
    name: 'minisearch',
    kinds: ['one', 'two', 'prefix', 'filtered'],
    build(archive: Archive) {
      names = new Map([
        ...archive.speakers.map((s) => [s.id, s.name] as const),
        ...archive.topics.map((t) => [t.id, t.name] as const),
        ...archive.conferences.map((c) => [c.id, `${c.name} ${c.year ?? ''}`] as const),
      ]);
      const years = new Map(archive.conferences.map((c) => [c.id, c.year ?? 0]));
      const docs = archive.talks.map((talk, id) => {
        ids.set(talk.id, id);
        facets.years.set(id, years.get(talk.conferenceId) ?? 0);
        facets.topics.set(id, talk.topicIds);
        return toDoc(talk, id);
      });
      index.addAll(docs);
    },
    search(q) {
      const filtered = q.year.length > 0 || q.topic.length > 0;
      const prefix = !/\s/.test(q.q) && q.q.length <= 5;
      return index
        .search(q.q, {
          combineWith: 'AND',
          prefix,
          boost: { title: 3, speakers: 2, topics: 2 },
          ...(filtered ? { filter: (result) => allowed(result.id as number, q) } : {}),
        })
        .slice(0, q.limit);
    },
    async snapshot(file): Promise<SnapshotFigures> {
      return measureSnapshot(
        file,
        () => index.toJSON(),
        (text) => {
          index = MiniSearch.loadJSON<Doc>(text, OPTIONS);
        },
      );
    },
    update(_archive, changed) {
      for (const talk of changed) index.replace(toDoc(talk, ids.get(talk.id) ?? ids.size));
    },
  };
}
