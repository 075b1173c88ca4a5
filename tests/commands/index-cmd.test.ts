import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runIndexCommand } from '../../src/commands/index-cmd.ts';

const RECAP = `---
title: "My day at dotScale 2018"
date: 2018-06-01
---

# My day at dotScale 2018

Notes from dotScale 2018 in Paris.

## Istio: we have a problem! — David Gageot (@dgageot)

David showed how Istio and Kubernetes route traffic between services.

## Serverless at scale — Jane Doe

Jane talked about functions and cold starts.
`;

describe('talks index', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'talks-index-cmd-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('indexes a folder of real posts and prints the report as JSON', async () => {
    const posts = path.join(root, 'posts');
    await mkdir(posts);
    await writeFile(path.join(posts, 'dotscale.md'), RECAP);
    const printed: string[] = [];
    await runIndexCommand(
      { posts, data: path.join(root, 'index'), json: true },
      (t) => printed.push(t),
      () => {},
      {},
    );
    const report = JSON.parse(printed.join(''));
    expect(report.posts.added).toEqual(['dotscale.md']);
    expect(report.totals).toMatchObject({ posts: 1, talks: 2, conferences: 1 });
    const again: string[] = [];
    await runIndexCommand(
      { posts, data: path.join(root, 'index') },
      (t) => again.push(t),
      () => {},
      {},
    );
    expect(again.join('\n')).toContain(
      'posts: 0 added, 0 changed, 0 removed, 0 renamed, 0 skipped, 1 unchanged',
    );
    expect(again.join('\n')).toContain('totals: 2 talks, 2 speakers');
  });

  test('names the flag and the variable when the posts folder is missing', async () => {
    const missing = path.join(root, 'missing');
    const env = { TALKS_POSTS_DIR: missing };
    await expect(
      runIndexCommand(
        { data: path.join(root, 'index') },
        () => {},
        () => {},
        env,
      ),
    ).rejects.toThrow(
      `posts directory "${missing}" does not exist (pass --posts DIR or set TALKS_POSTS_DIR)`,
    );
  });
});
