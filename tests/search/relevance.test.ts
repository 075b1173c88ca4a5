/**
 * Relevance of the judged queries (judged-queries.json) over the sample posts (extract ->
 * archive -> search) and the hand-made fixture. Prints MRR and nDCG@10 and fails when they fall
 * below the level reached, so a ranking change that makes answers worse is noticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArchive as buildFromPosts, slugify } from '../../src/archive/index.ts';
import { extractPost } from '../../src/extract/index.ts';
import { loadTopicVocabulary } from '../../src/extract/topics.ts';
import type { Archive, ExtractedPost } from '../../src/model.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import { buildArchive as buildFixture, SAMPLE } from './fixture.ts';

/** Just under the measured values (see the printed figures); raise them when ranking improves. */
const MIN_MRR = 0.97;
const MIN_NDCG = 0.9;

interface Judged {
  corpus: 'posts' | 'fixture';
  query: string;
  relevant: string[];
}

const root = path.resolve(import.meta.dirname, '../..');
const judged = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, 'judged-queries.json'), 'utf8')) as {
    queries: Judged[];
  }
).queries;

function postsArchive(): Archive {
  const dir = path.join(root, 'data/posts');
  const posts = readdirSync(dir)
    .sort()
    .map((file): [string, ExtractedPost] => [file, extractPost(file, readFileSync(path.join(dir, file)))]);
  const catalog = JSON.parse(readFileSync(path.join(root, 'data/conferences.json'), 'utf8')) as {
    series: { name: string; aliases?: string[] }[];
  };
  const series = catalog.series.map((s) => ({
    series: slugify(s.name),
    name: s.name,
    aliases: s.aliases ?? [],
  }));
  return buildFromPosts(posts, {
    series,
    topics: loadTopicVocabulary().map((t) => ({ name: t.name, aliases: [...t.aliases] })),
  });
}

/** A hit is relevant when its id is judged, or its slug is (the conference id may be detected differently). */
function isRelevant(id: string, relevant: string[]): boolean {
  const slug = id.slice(id.indexOf('/') + 1);
  return relevant.some((r) => r === id || r.slice(r.indexOf('/') + 1) === slug);
}

function scores(hits: string[], relevant: string[]): { rr: number; ndcg: number } {
  const first = hits.findIndex((id) => isRelevant(id, relevant));
  const dcg = hits
    .slice(0, 10)
    .reduce((sum, id, i) => sum + (isRelevant(id, relevant) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(10, relevant.length); i++) ideal += 1 / Math.log2(i + 2);
  return { rr: first < 0 ? 0 : 1 / (first + 1), ndcg: ideal ? Math.min(1, dcg / ideal) : 0 };
}

describe('relevance of the judged queries', () => {
  test('the set has at least 40 queries', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
  });

  test('MRR and nDCG@10 stay at the level reached', () => {
    const indexes = {
      posts: createSearchIndex(postsArchive()),
      fixture: createSearchIndex(buildFixture(SAMPLE)),
    };
    const rows = judged.map((j) => {
      const result = indexes[j.corpus].search({
        q: j.query,
        topic: [],
        conference: [],
        year: [],
        speaker: [],
        page: 1,
        limit: 10,
      });
      return {
        ...j,
        ...scores(
          result.hits.map((h) => h.id),
          j.relevant,
        ),
        top: result.hits[0]?.id ?? '-',
      };
    });
    const mrr = rows.reduce((s, r) => s + r.rr, 0) / rows.length;
    const ndcg = rows.reduce((s, r) => s + r.ndcg, 0) / rows.length;
    const misses = rows
      .filter((r) => r.rr < 1)
      .map((r) => `  ${r.query}: rr ${r.rr.toFixed(2)}, top ${r.top}`);
    process.stdout.write(
      `search relevance: ${rows.length} queries, MRR ${mrr.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)}\n`,
    );
    if (misses.length) process.stdout.write(`not first:\n${misses.join('\n')}\n`);
    expect(mrr).toBeGreaterThanOrEqual(MIN_MRR);
    expect(ndcg).toBeGreaterThanOrEqual(MIN_NDCG);
  });
});
