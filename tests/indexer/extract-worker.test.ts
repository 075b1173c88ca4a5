import { afterEach, describe, expect, test } from 'vitest';
import { createExtractPool, ExtractFailure, type ExtractPool } from '../../src/indexer/extract-pool.ts';

const pathological = new URL('./fixtures/pathological-extract.ts', import.meta.url).href;
const encode = (text: string) => new TextEncoder().encode(text);
const post = (title: string) => encode(`# ${title}\n\nA recap of the talk about Kubernetes.\n`);

describe('the extraction pool', () => {
  let pool: ExtractPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  test('extracts posts in worker threads with the real extractor', async () => {
    pool = createExtractPool({ size: 2 });
    const posts = await Promise.all(['One', 'Two', 'Three'].map((t) => pool!.extract(`${t}.md`, post(t))));
    expect(posts.map((p) => p.source)).toEqual(['One.md', 'Two.md', 'Three.md']);
    expect(posts[0]?.title).toBe('One');
  });

  test('skips a post that runs past the time limit and goes on with the others', async () => {
    // Generous enough for a fresh worker's first post on a busy machine.
    pool = createExtractPool({ size: 1, timeoutMs: 1500, extractModule: pathological });
    const results = await Promise.allSettled([
      pool.extract('endless.md', encode('loop forever')),
      pool.extract('fine.md', post('Fine')),
    ]);
    expect(results[0]?.status).toBe('rejected');
    const failure = (results[0] as PromiseRejectedResult).reason as ExtractFailure;
    expect(failure).toBeInstanceOf(ExtractFailure);
    expect(failure.source).toBe('endless.md');
    expect(failure.message).toBe('extraction took longer than 1500 ms');
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { source: 'fine.md', title: 'Fine' } });
  });

  test('skips a post that makes the extractor throw, naming the post and the reason', async () => {
    pool = createExtractPool({ size: 1, extractModule: pathological });
    await expect(pool.extract('broken.md', encode('throw up'))).rejects.toMatchObject({
      source: 'broken.md',
      message: 'extraction failed (the extractor gave up)',
    });
    await expect(pool.extract('after.md', post('After'))).resolves.toMatchObject({ title: 'After' });
  });

  test('refuses work once closed', async () => {
    pool = createExtractPool({ size: 1 });
    await pool.close();
    await expect(pool.extract('late.md', post('Late'))).rejects.toThrow('the extraction pool is closed');
  });
});
