import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isIgnoredPath, type PostWatcher, watchPosts } from '../../src/indexer/watch.ts';

const EXTENSIONS = ['.md', '.html'];

describe('watching the posts folder', () => {
  let dir: string;
  let watcher: PostWatcher | null = null;
  let bursts: string[][] = [];
  let waiters: (() => void)[] = [];

  /** Resolves with the paths of the next burst of changes (bounded by the test timeout). */
  const nextBurst = async (): Promise<string[]> => {
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
      onChange: (paths) => {
        bursts.push([...new Set(paths)].sort());
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
    expect(await nextBurst()).toEqual(['new.md']);
  });

  test('reports changed and deleted posts', async () => {
    await writeFile(path.join(dir, 'existing.md'), '# Existing, edited\n');
    expect(await nextBurst()).toEqual(['existing.md']);
    await rm(path.join(dir, 'existing.md'));
    expect(await nextBurst()).toEqual(['existing.md']);
  });

  test('reports both names of a renamed post', async () => {
    await rename(path.join(dir, 'existing.md'), path.join(dir, 'renamed.md'));
    const paths = new Set<string>();
    while (paths.size < 2) for (const p of await nextBurst()) paths.add(p);
    expect([...paths].sort()).toEqual(['existing.md', 'renamed.md']);
  });

  test('ignores dotfiles, temp files and files that are not posts', async () => {
    await writeFile(path.join(dir, '.draft.md'), '# Hidden\n');
    await writeFile(path.join(dir, 'post.md.swp'), 'x');
    await writeFile(path.join(dir, 'notes.pdf'), 'x');
    await writeFile(path.join(dir, 'visible.md'), '# Visible\n');
    expect(await nextBurst()).toEqual(['visible.md']);
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
