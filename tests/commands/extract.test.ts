import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve('bin/talks.mjs');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function talks(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const POST = `<!doctype html><html lang="en"><head><title>NodeConf 2019 notes</title></head><body>
<article><h1>NodeConf 2019 notes</h1>
<h2 id="streams">Streams in depth (Jane Doe)</h2><p>Jane walked through backpressure in Node.js streams.</p>
<h2 id="workers">Worker threads by John Roe</h2><p>John compared worker threads with child processes.</p>
</article></body></html>`;

describe('talks extract', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'talks-extract-'));
    await writeFile(path.join(dir, 'good.html'), POST);
    await writeFile(path.join(dir, 'empty.md'), '');
    await writeFile(
      path.join(dir, 'binary.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
    );
    await writeFile(path.join(dir, 'huge.html'), Buffer.alloc(5 * 1024 * 1024 + 10, 0x61));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('prints one object per file in argument order, with a warning for each bad file, and exits 0', async () => {
    const files = ['good.html', 'missing.html', 'empty.md', 'binary.html', 'huge.html'].map((f) =>
      path.join(dir, f),
    );
    const result = await talks('extract', ...files, '--json');
    expect(result.code).toBe(0);
    const posts = JSON.parse(result.stdout) as { source: string; talks: unknown[]; warnings: string[] }[];
    expect(posts.map((p) => p.source)).toEqual(files);
    expect(posts[0]?.talks).toHaveLength(2);
    const reasons = posts.slice(1).map((p) => p.warnings.join(' '));
    expect(reasons[0]).toContain('file not found');
    expect(reasons[1]).toContain('empty file');
    expect(reasons[2]).toContain('binary');
    expect(reasons[3]).toContain('too large');
    for (const post of posts.slice(1)) expect(post.talks).toEqual([]);
  });

  test('gives each talk the contract fields', async () => {
    const result = await talks('extract', path.join(dir, 'good.html'), '--json');
    const [post] = JSON.parse(result.stdout) as { talks: Record<string, unknown>[] }[];
    expect(post?.talks[0]).toEqual({
      title: 'Streams in depth',
      speakers: [{ name: 'Jane Doe', handle: null, affiliation: null }],
      topics: expect.arrayContaining(['Node.js']),
      kind: 'talk',
      anchor: 'streams',
      conference: null,
    });
  });

  test('exits non-zero with a usage message when no file is given', async () => {
    const result = await talks('extract');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("missing required argument 'file'");
    expect(result.stderr).toContain('talks --help');
  });
});
