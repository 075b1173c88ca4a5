import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  type ChangeBurst,
  holdBursts,
  isIgnoredPath,
  type PostWatcher,
  watchPosts,
} from '../../src/indexer/watch.ts';

const EXTENSIONS = ['.md', '.html'];

describe('watching the posts folder', () => {
  let dir: string;
  let watcher: PostWatcher | null = null;
  let bursts: ChangeBurst[] = [];
  let waiters: (() => void)[] = [];

  /** Resolves with the next burst of changes (bounded by the test timeout). */
  const nextBurst = async (): Promise<ChangeBurst> => {
    while (bursts.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return bursts.shift()!;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'talks-watch-'));
    await writeFile(path.join(dir, 'existing.md'), '# Existing\n');
    bursts = [];
    waiters = [];
    watcher = await watchPosts({
      postsDir: dir,
      extensions: EXTENSIONS,
      onChange: (burst) => {
        bursts.push(burst);
        for (const wake of waiters.splice(0)) wake();
      },
    });
  });

  afterEach(async () => {
    await watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('reports a new post once it is completely written', async () => {
    await writeFile(path.join(dir, 'new.md'), '# New\n');
    expect(await nextBurst()).toEqual({ paths: ['new.md'], removed: false });
  });

  test('reports changed and deleted posts', async () => {
    await writeFile(path.join(dir, 'existing.md'), '# Existing, edited\n');
    expect(await nextBurst()).toEqual({ paths: ['existing.md'], removed: false });
    await rm(path.join(dir, 'existing.md'));
    expect(await nextBurst()).toEqual({ paths: ['existing.md'], removed: true });
  });

  test('reports both names of a renamed post, the old one as removed', async () => {
    await rename(path.join(dir, 'existing.md'), path.join(dir, 'renamed.md'));
    const seen = new Map<string, boolean>();
    while (seen.size < 2) {
      const burst = await nextBurst();
      for (const p of burst.paths) seen.set(p, burst.removed || (seen.get(p) ?? false));
    }
    expect(seen.get('existing.md')).toBe(true);
    expect(seen.has('renamed.md')).toBe(true);
  });

  test('reports posts in sub-folders with "/" paths', async () => {
    await mkdir(path.join(dir, '2018', 'spring'), { recursive: true });
    await writeFile(path.join(dir, '2018', 'spring', 'deep.md'), '# Deep\n');
    expect(await nextBurst()).toEqual({ paths: ['2018/spring/deep.md'], removed: false });
  });

  test('ignores dotfiles, temp files and files that are not posts', async () => {
    await writeFile(path.join(dir, '.draft.md'), '# Hidden\n');
    await writeFile(path.join(dir, 'post.md.swp'), 'x');
    await writeFile(path.join(dir, 'notes.pdf'), 'x');
    await writeFile(path.join(dir, 'visible.md'), '# Visible\n');
    expect(await nextBurst()).toEqual({ paths: ['visible.md'], removed: false });
  });
});

describe('which paths are ignored', () => {
  test.each([
    ['.hidden.md', true],
    ['.git/config', true],
    ['notes/#draft.md#', true],
    ['post.md~', true],
    ['post.md.tmp', true],
    ['download.html.crdownload', true],
    ['2018/dotscale.md', false],
    ['post.html', false],
  ])('%s is ignored: %s', (relative, ignored) => {
    expect(isIgnoredPath(path.join('/posts', relative), '/posts')).toBe(ignored);
  });
});

describe('holding bursts until they can be handled', () => {
  test('passes on, in order, the bursts reported before a handler was connected, then the next ones', () => {
    const held = holdBursts();
    const seen: string[][] = [];
    held.onChange({ paths: ['a.md'], removed: false });
    held.onChange({ paths: ['b.md'], removed: true });
    held.connect((burst) => seen.push(burst.paths));
    held.onChange({ paths: ['c.md'], removed: false });
    expect(seen).toEqual([['a.md'], ['b.md'], ['c.md']]);
  });
});
