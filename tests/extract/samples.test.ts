/**
 * Extraction quality on our own sample posts, scored against their hand-made truth files
 * (tests/fixtures/sample-truth). The floors sit just under the measured figures, so a change
 * that makes extraction worse fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPost } from '../../src/extract/index.ts';
import type { ExtractedTalk } from '../../src/model.ts';

const POSTS = 'data/posts';
const TRUTH = 'tests/fixtures/sample-truth';

interface TruthTalk {
  title: string | null;
  speakers: string[];
}
interface Truth {
  conference: { name: string | null; year: number | null } | null;
  talks: TruthTalk[];
}

const words = (text: string) =>
  new Set(
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

function titleSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, x.size + y.size - shared);
}

function sameTalk(predicted: ExtractedTalk, truth: TruthTalk): boolean {
  if (truth.title && predicted.title) return titleSimilarity(predicted.title, truth.title) >= 0.6;
  const names = predicted.speakers.map((s) => s.name.toLowerCase());
  return truth.speakers.length > 0 && truth.speakers.every((s) => names.includes(s.toLowerCase()));
}

function score() {
  let found = 0;
  let predicted = 0;
  let expected = 0;
  let exactSpeakers = 0;
  let conferences = 0;
  const files = readdirSync(POSTS).sort();
  for (const file of files) {
    const truth = JSON.parse(
      readFileSync(path.join(TRUTH, file.replace(/\.\w+$/, '.truth.json')), 'utf8'),
    ) as Truth;
    const post = extractPost(file, readFileSync(path.join(POSTS, file)));
    const unused = [...post.talks];
    for (const talk of truth.talks) {
      const index = unused.findIndex((p) => sameTalk(p, talk));
      if (index < 0) continue;
      const [match] = unused.splice(index, 1);
      found++;
      const names = (match?.speakers ?? []).map((s) => s.name.toLowerCase()).sort();
      if (
        names.join('|') ===
        talk.speakers
          .map((s) => s.toLowerCase())
          .sort()
          .join('|')
      )
        exactSpeakers++;
    }
    predicted += post.talks.length;
    expected += truth.talks.length;
    const name = truth.conference?.name;
    if (!name || post.conference?.name?.toLowerCase().includes(name.toLowerCase())) conferences++;
  }
  return {
    talkF1: (2 * found) / (predicted + expected),
    strictF1: (2 * exactSpeakers) / (predicted + expected),
    conference: conferences / files.length,
  };
}

describe('extraction of the sample posts', () => {
  test('finds their talks, speakers and conferences', () => {
    const result = score();
    console.info(
      `samples: talk F1 ${(100 * result.talkF1).toFixed(1)} %, strict F1 ${(100 * result.strictF1).toFixed(1)} %, conference ${(100 * result.conference).toFixed(1)} %`,
    );
    expect(result.talkF1).toBeGreaterThanOrEqual(0.8);
    expect(result.strictF1).toBeGreaterThanOrEqual(0.7);
    expect(result.conference).toBeGreaterThanOrEqual(0.5);
  });
});
