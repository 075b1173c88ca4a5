/**
 * A fixed set of queries (words, prefixes, typos, phrases, filters, pages, browse) run over the
 * generated archive and over data/posts, with the results written as JSON: a change to the
 * search code that must not change answers is checked by comparing two dumps. Each archive is
 * queried after a build, after a snapshot round trip, and after editing a post on each side;
 * `captured` holds the answers of indexes loaded from captures taken before the edits and
 * serialised after them, which must be the `built` and `loaded` answers again.
 *
 *   node --import tsx bench/lib/golden.ts [--talks N] --out FILE
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveBuilder } from '../../src/archive/index.ts';
import { extractPost } from '../../src/extract/index.ts';
import type { Archive, ExtractedPost, SearchQuery, Talk } from '../../src/model.ts';
import {
  createSearchIndex,
  loadSearchIndex,
  type SearchCapture,
  type SearchExport,
  type SearchIndex,
} from '../../src/search/index.ts';
import { generateArchive } from '../generate.ts';
import { revisePost, toExtractedPosts } from './extracted.ts';
import { makeQueries, query } from './queries.ts';
import { createRandom } from './random.ts';

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Queries drawn from the archive itself, so they work on any archive. */
function queriesFor(archive: Archive, count: number): SearchQuery[] {
  const random = createRandom(7);
  const sets = makeQueries(archive, count, 11);
  const talkWords = () => words(random.pick(archive.talks).title).filter((w) => w.length >= 3);
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w.slice(3) : `${w}x`);
  const extra: SearchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const title = talkWords();
    const w = random.pick(title.length ? title : ['talk']);
    const talk = random.pick(archive.talks);
    const conf = random.pick(archive.conferences);
    const speaker = random.pick(archive.speakers.map((s) => s.name).concat('x'));
    extra.push(query(w, { page: random.int(1, 3), limit: random.int(5, 30) }));
    extra.push(query(typo(w)));
    extra.push(query(`"${title.slice(0, 2).join(' ')}"`));
    extra.push(query(`${w} ${random.pick(words(talk.text || 'x'))} the`));
    extra.push(query(w, { conference: [conf.id], year: [conf.year ?? 2020] }));
    extra.push(query('', { speaker: [speaker], page: random.int(1, 2) }));
    extra.push(query(w.slice(0, 3), { topic: [random.pick(archive.topics)?.id ?? 'x'] }));
  }
  extra.push(query(''), query('', { page: 3 }), query('the of and'), query('zzzzzz'), query('k8s'));
  return [...Object.values(sets).flat(), ...extra];
}

function run(index: SearchIndex, archive: Archive, queries: SearchQuery[]): unknown[] {
  const out: unknown[] = queries.map((q) => index.search(q));
  for (const talk of archive.talks.slice(0, 50)) out.push(index.related(talk.id, 5).map((t) => t.id));
  return out;
}

function roundTrip(index: SearchIndex, archive: Archive): SearchIndex {
  return loadSearchIndex(archive, JSON.parse(JSON.stringify(index.export())));
}

/** A capture serialised as a snapshot write does it: chunk by chunk, piece by piece. */
function serialise(capture: SearchCapture): SearchExport {
  const data: Record<string, string> = {};
  for (const chunk of capture.chunks) data[chunk.key] = [...chunk.pieces()].join('');
  return { configHash: capture.configHash, data };
}

/** Built, loaded, then edited (one post revised, one removed) on both the built and loaded index. */
function dump(posts: [string, ExtractedPost][], count: number): unknown {
  const builder = new ArchiveBuilder();
  builder.load(posts);
  const archive = builder.toArchive();
  const queries = queriesFor(archive, count);
  const built = createSearchIndex(archive);
  const loaded = roundTrip(built, archive);
  const result: Record<string, unknown> = { built: run(built, archive, queries) };
  result.loaded = run(loaded, archive, queries);
  const [file, post] = posts[1]!;
  const change = builder.upsertPost(file, revisePost(post, 1));
  const removed = builder.removePost(posts[2]![0]);
  const edited = builder.toArchive();
  const changed = [...change.added, ...change.changed].map((id) => builder.getTalk(id) as Talk);
  const gone = [...change.removed, ...removed.removed];
  // Taken before the edits, serialised after them: must give the index as it was.
  const captures = [built.capture(), loaded.capture()];
  for (const index of [built, loaded]) index.apply(edited, changed, gone);
  result.captured = captures.map((capture) =>
    run(loadSearchIndex(archive, serialise(capture)), archive, queries),
  );
  result.editedBuilt = run(built, edited, queries);
  result.editedLoaded = run(loaded, edited, queries);
  result.reloaded = run(roundTrip(loaded, edited), edited, queries);
  return result;
}

const { values } = parseArgs({
  options: { talks: { type: 'string', default: '10000' }, out: { type: 'string' } },
});
const dir = path.join(import.meta.dirname, '../../data/posts');
const samples = readdirSync(dir)
  .sort()
  .map((name): [string, ExtractedPost] => [name, extractPost(name, readFileSync(path.join(dir, name)))]);
const generated = toExtractedPosts(generateArchive({ talks: Number(values.talks) }));
const output = { samples: dump(samples, 40), generated: dump(generated, 60) };
writeFileSync(values.out ?? '/dev/stdout', JSON.stringify(output));
