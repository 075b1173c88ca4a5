import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArchiveBuilder, buildArchive } from '../../src/archive/index.ts';
import type { Archive, ExtractedPost } from '../../src/model.ts';
import { arbitraryPost as postArbitrary } from './arbitrary.ts';
import { conf } from './posts.ts';

const TITLES = [
  'Istio: we have a problem',
  'Istio - we have a problem!',
  'Rust in production',
  'Keynote',
  'Keynote',
  null,
];
const NAMES = ['David Gageot', 'david j. gageot', 'Jane Doe', 'Zoé Martin', 'Zoe Martin'];
const HANDLES = ['@dgageot', null, null, '@zoe', '@gageot'];
const CONFERENCES = [
  conf('dotScale', 2018),
  conf('DotScale', 2018),
  conf('KubeCon EU', 2019),
  conf('KubeCon + CloudNativeCon Europe', 2019),
  null,
];

const arbitraryPost = postArbitrary({
  titles: TITLES,
  names: NAMES,
  handles: HANDLES,
  conferences: CONFERENCES,
});

/** What a full build and an incremental one must agree on (history depends on the path taken). */
function content(archive: Archive) {
  const { redirects: _r, gone: _g, ...rest } = archive;
  return rest;
}

const PATHS = ['a.md', 'b.md', 'c/d.html', 'e.txt'];
const operation = fc.record({
  path: fc.constantFrom(...PATHS),
  post: fc.option(arbitraryPost, { nil: null }),
});

describe('archive properties', () => {
  test('any reading order gives the same archive', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPost, { maxLength: 5 }), fc.nat(), (posts, seed) => {
        const entries = posts.map((p, i): [string, ExtractedPost] => [`p${i}.md`, p]);
        const rotated = [
          ...entries.slice(seed % (entries.length || 1)),
          ...entries.slice(0, seed % (entries.length || 1)),
        ];
        expect(JSON.stringify(buildArchive(rotated.reverse()))).toBe(JSON.stringify(buildArchive(entries)));
      }),
      { numRuns: 150 },
    );
  });

  test('any sequence of updates ends in the archive a full build gives', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 12 }), (operations) => {
        const builder = new ArchiveBuilder();
        const current = new Map<string, ExtractedPost>();
        for (const { path, post: next } of operations) {
          if (next) {
            builder.upsertPost(path, next);
            current.set(path, next);
          } else {
            builder.removePost(path);
            current.delete(path);
          }
        }
        const archive = builder.toArchive();
        expect(content(archive)).toEqual(content(buildArchive(current)));
        const live = new Set(archive.talks.map((t) => t.id));
        for (const [from, to] of Object.entries(archive.redirects ?? {})) {
          expect(live.has(from)).toBe(false);
          expect(live.has(to)).toBe(true);
        }
        for (const id of archive.gone ?? []) expect(live.has(id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
