/**
 * Kills the real `talks index` (and `talks serve --watch` during a re-index) with SIGKILL at
 * random moments, then checks that the snapshot still loads and holds every talk of either the
 * previous post set or the new one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSnapshot } from '../../src/indexer/index.ts';
import { recapPost, tempDir, writePosts } from './posts.ts';

const BIN = fileURLToPath(new URL('../../bin/talks.mjs', import.meta.url));
// a and b differ by half their posts; c is a plus one post.
const SETS = { a: [0, 60], b: [30, 90], c: [0, 61] } as const;
type SetName = keyof typeof SETS;

function talks(args: string[]): ChildProcess {
  // A clean environment, so no TALKS_* variable of the machine running the tests leaks in.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info' };
  return spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function runToEnd(args: string[]): Promise<number> {
  const started = Date.now();
  const child = talks(args);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await exited(child);
  expect(code, errors).toBe(0);
  return Date.now() - started;
}

/** Resolves once the child's log (JSON lines on stderr) has a line with this message. */
function logged(child: ChildProcess, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes(`"msg":"${message}"`)) return;
      child.stderr?.off('data', onData);
      resolve();
    };
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`exited before logging "${message}":\n${text}`)));
  });
}

/**
 * The sorted talk ids of the live snapshot in `dataDir`; fails unless it is complete (checksums,
 * shape). It is read with the configuration it names, so that this checks what a crash can
 * break, not whether the code changed since the snapshot was written.
 */
async function snapshotTalks(dataDir: string): Promise<string[]> {
  const id = (await readFile(path.join(dataDir, 'current'), 'utf8')).trim();
  const manifest = JSON.parse(await readFile(path.join(dataDir, 'snapshots', id, 'manifest.json'), 'utf8'));
  const loaded = await loadSnapshot(dataDir, manifest.configHash);
  if (!loaded.ok) throw new Error(`the snapshot does not load: ${loaded.reason}`);
  return loaded.snapshot.archive.talks.map((talk) => talk.id).sort();
}

function matching(expected: Record<SetName, string[]>, found: string[]): SetName | undefined {
  const names = Object.keys(SETS) as SetName[];
  return names.find((name) => JSON.stringify(expected[name]) === JSON.stringify(found));
}

/** Makes the posts folder hold exactly the posts of one set. */
async function useSet(postsDir: string, name: SetName): Promise<void> {
  await rm(postsDir, { recursive: true, force: true });
  const [from, to] = SETS[name];
  await writePosts(postsDir, from, to);
}

describe('a SIGKILL at any moment', () => {
  let root: string;
  const expected = {} as Record<SetName, string[]>;
  let fullRunMs = 0;

  beforeAll(async () => {
    root = await tempDir('kill');
    for (const name of ['a', 'b', 'c'] as const) {
      const postsDir = path.join(root, `ref-${name}`);
      const dataDir = path.join(root, `ref-${name}-data`);
      await useSet(postsDir, name);
      fullRunMs = Math.max(fullRunMs, await runToEnd(['index', '--posts', postsDir, '--data', dataDir]));
      expected[name] = await snapshotTalks(dataDir);
      expect(expected[name]).toHaveLength((SETS[name][1] - SETS[name][0]) * 3);
    }
  }, 180_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('of "talks index" leaves a snapshot of the previous or the new posts', async () => {
    const postsDir = path.join(root, 'posts');
    const dataDir = path.join(root, 'data');
    await useSet(postsDir, 'a');
    await runToEnd(['index', '--posts', postsDir, '--data', dataDir]);
    let held: SetName = 'a';
    let next: SetName = 'a';
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      next = round % 2 === 0 ? 'b' : 'a';
      await useSet(postsDir, next);
      const child = talks(['index', '--posts', postsDir, '--data', dataDir]);
      // Anywhere from start-up to a little past the usual end, where the snapshot is written.
      const delay = Math.round((0.3 + 0.9 * Math.random()) * fullRunMs);
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await exited(child);
      clearTimeout(timer);
      const found = await snapshotTalks(dataDir);
      const match = (['a', 'b'] as const).find(
        (name) => JSON.stringify(expected[name]) === JSON.stringify(found),
      );
      expect([held, next]).toContain(match);
      outcomes.push(`${delay} ms: ${code === null ? 'killed' : 'finished'}, snapshot of ${match}`);
      held = match!;
    }
    // The last word: an uninterrupted run brings the snapshot up to date.
    await runToEnd(['index', '--posts', postsDir, '--data', dataDir]);
    expect(await snapshotTalks(dataDir)).toEqual(expected[next]);
    expect(outcomes.filter((outcome) => outcome.includes('killed')).length).toBeGreaterThan(0);
  }, 240_000);

  test('of "talks serve --watch" during a re-index leaves a snapshot of the previous or the new posts', async () => {
    const postsDir = path.join(root, 'served-posts');
    const dataDir = path.join(root, 'served-data');
    await useSet(postsDir, 'a');
    await runToEnd(['index', '--posts', postsDir, '--data', dataDir]);
    const extra = path.join(postsDir, `post-${SETS.a[1]}.md`);
    let folder: SetName = 'a';
    for (let round = 0; round < 4; round++) {
      const child = talks(['serve', '--watch', '--port', '0', '--posts', postsDir, '--data', dataDir]);
      // Logged once the boot has brought the snapshot up to date with the folder.
      await logged(child, 'watching for changes');
      const held = folder;
      // One atomic change (a rename into place, or a delete), so the folder is never in between.
      if (folder === 'a') {
        await writeFile(path.join(postsDir, '.incoming.md'), recapPost(SETS.a[1]));
        await rename(path.join(postsDir, '.incoming.md'), extra);
        folder = 'c';
      } else {
        await rm(extra);
        folder = 'a';
      }
      await new Promise((resolve) => setTimeout(resolve, Math.round(Math.random() * 1500)));
      child.kill('SIGKILL');
      await exited(child);
      expect([held, folder]).toContain(matching(expected, await snapshotTalks(dataDir)));
    }
  }, 240_000);
});
