import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/index.ts';
import { extractPost } from '../../src/extract/index.ts';
import { isPostFile } from '../../src/indexer/index.ts';
import { loadVocabulary } from '../../src/indexer/vocabulary.ts';
import type { ExtractedPost } from '../../src/model.ts';
import { shuffled } from './posts.ts';

const SAMPLES = path.resolve('data/posts');

function samplePosts(): [string, ExtractedPost][] {
  let names: string[] = [];
  try {
    names = readdirSync(SAMPLES).filter(isPostFile).sort();
  } catch {
    return [];
  }
  return names.map((name) => [name, extractPost(name, readFileSync(path.join(SAMPLES, name)))]);
}

const posts = samplePosts();

describe.skipIf(posts.length === 0)('the sample posts', () => {
  test('give the same archive whatever the order they are read in', () => {
    const vocabulary = loadVocabulary();
    const reference = JSON.stringify(buildArchive(posts, vocabulary));
    for (let seed = 1; seed <= 5; seed++) {
      expect(JSON.stringify(buildArchive(shuffled(posts, seed), vocabulary))).toBe(reference);
    }
  });

  test('give every talk a unique id under its conference, and a title', () => {
    const archive = buildArchive(posts, loadVocabulary());
    const conferences = new Set(archive.conferences.map((c) => c.id));
    expect(new Set(archive.talks.map((t) => t.id)).size).toBe(archive.talks.length);
    for (const talk of archive.talks) {
      expect(conferences.has(talk.conferenceId)).toBe(true);
      expect(talk.id).toBe(`${talk.conferenceId}/${talk.slug}`);
      expect(talk.title.length).toBeGreaterThan(0);
    }
  });
});
