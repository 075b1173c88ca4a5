/**
 * The floor under the archive's search: a plain FlexSearch Document over the same five fields
 * with the same encoders and tokenizers, queried with `merge` and a page of 20. No facets, no
 * snippets, no ranking of our own; filters are plain Set lookups over the first 10 000 matches.
 */
import { Charset, Document, Encoder } from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';
import type { Archive, SearchQuery, Talk } from '../../src/model.ts';
import { type Engine, measureSnapshot, type SnapshotFigures } from './types.ts';

type Doc = { id: number; title: string; speakers: string; topics: string; conference: string; notes: string };
const FIELDS = ['title', 'speakers', 'topics', 'conference', 'notes'] as const;

function makeDocument(fastupdate: boolean): Document<Doc> {
  const text = new Encoder(Charset.LatinBalance).assign(EnglishPreset);
  const name = new Encoder(Charset.Normalize);
  return new Document<Doc>({
    fastupdate,
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward', encoder: text, resolution: 9 },
        { field: 'speakers', tokenize: 'forward', encoder: name, resolution: 3 },
        { field: 'topics', tokenize: 'strict', encoder: name, resolution: 3 },
        { field: 'conference', tokenize: 'strict', encoder: name, resolution: 3 },
        { field: 'notes', tokenize: 'strict', encoder: text, resolution: 9 },
      ],
    },
  });
}

/** Display names of speakers, topics and conferences by id: what the fields hold. */
function namesOf(archive: Archive): Map<string, string> {
  return new Map([
    ...archive.speakers.map((s) => [s.id, s.name] as const),
    ...archive.topics.map((t) => [t.id, t.name] as const),
    ...archive.conferences.map((c) => [c.id, `${c.name} ${c.year ?? ''}`] as const),
  ]);
}

function toDoc(names: Map<string, string>, talk: Talk, id: number): Doc {
  return {
    id,
    title: talk.title,
    speakers: talk.speakerIds.map((s) => names.get(s) ?? s).join(' '),
    topics: talk.topicIds.map((t) => names.get(t) ?? t).join(' '),
    conference: names.get(talk.conferenceId) ?? '',
    notes: talk.text,
  };
}

export function createFlexSearchEngine(): Engine {
  let index = makeDocument(true);
  let fastupdate = true;
  let names = new Map<string, string>();
  const ids = new Map<string, number>();
  const byYear = new Map<number, Set<number>>();
  const byTopic = new Map<string, Set<number>>();
  const add = (map: Map<string | number, Set<number>>, key: string | number, id: number) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)?.add(id);
  };
  const allowed = (id: number, q: SearchQuery) =>
    q.year.every((y) => byYear.get(y)?.has(id)) && q.topic.every((t) => byTopic.get(t)?.has(id));

  return {
    name: 'flexsearch',
    kinds: ['one', 'two', 'prefix', 'filtered'],
    build(archive) {
      names = namesOf(archive);
      const years = new Map(archive.conferences.map((c) => [c.id, c.year ?? 0]));
      archive.talks.forEach((talk, id) => {
        ids.set(talk.id, id);
        add(byYear as Map<string | number, Set<number>>, years.get(talk.conferenceId) ?? 0, id);
        for (const topic of talk.topicIds) add(byTopic as Map<string | number, Set<number>>, topic, id);
        index.add(toDoc(names, talk, id));
      });
    },
    search(q) {
      const filtered = q.year.length > 0 || q.topic.length > 0;
      const hits = index.search(q.q, { index: [...FIELDS], merge: true, limit: filtered ? 10_000 : q.limit });
      const list = hits.map((hit) => hit.id as number);
      return filtered ? list.filter((id) => allowed(id, q)).slice(0, q.limit) : list;
    },
    async snapshot(file): Promise<SnapshotFigures> {
      const exportParts = () => {
        const parts: Record<string, string> = {};
        index.export((key: string, data: string) => {
          parts[key] = data;
        });
        return parts;
      };
      return measureSnapshot(file, exportParts, (text) => {
        const loaded = makeDocument(false);
        for (const [key, data] of Object.entries(JSON.parse(text) as Record<string, string>)) {
          loaded.import(key, data);
        }
        index = loaded;
        fastupdate = false;
      });
    },
    update(_archive, changed) {
      for (const talk of changed) index.update(toDoc(names, talk, ids.get(talk.id) ?? ids.size));
      // After writes on a fastupdate index, cleanup() must run before the next search (FLEXSEARCH.md F1).
      if (fastupdate) index.cleanup();
    },
  };
}
