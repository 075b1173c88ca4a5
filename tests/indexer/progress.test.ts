import { describe, expect, test } from 'vitest';
import { createProgress, renderBar } from '../../src/indexer/progress.ts';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
}

describe('progress of an indexing run', () => {
  test('draws a bar with the share done, the count and the current post', () => {
    expect(renderBar(30, 120, 'posts', '2018/dotscale.md')).toBe(
      '[######------------------]  25% 30/120 posts  2018/dotscale.md',
    );
  });

  test('shortens a long post path from the left to fit the terminal', () => {
    const line = renderBar(1, 2, 'posts', `${'nested/'.repeat(20)}post.md`, 60);
    expect(line.length).toBeLessThanOrEqual(60);
    expect(line.endsWith('/post.md')).toBe(true);
    expect(line).toContain('…');
  });

  test('redraws in place on a terminal and clears the line when done', () => {
    let now = 0;
    const { writes, stream } = recorder(true);
    const progress = createProgress({ stream, now: () => now, redrawMs: 100 });
    progress.update(1, 4, 'a.md');
    now = 10;
    progress.update(2, 4, 'b.md');
    now = 200;
    progress.update(4, 4, 'd.md');
    progress.finish();
    expect(writes.map((w) => w.slice(0, 1))).toEqual(['\r', '\r', '\r']);
    expect(writes[1]).toContain('4/4 posts');
    expect(writes[2]).toBe('\r\x1b[K');
  });

  test('writes one plain line per tenth when the output is not a terminal', () => {
    const { writes, stream } = recorder(false);
    const progress = createProgress({ stream });
    for (let done = 1; done <= 40; done++) progress.update(done, 40, `post-${done}.md`);
    progress.finish();
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe('indexed 4/40 posts (10%)\n');
    expect(writes[9]).toBe('indexed 40/40 posts (100%)\n');
  });

  test('stays quiet for small runs that are not on a terminal', () => {
    const { writes, stream } = recorder(false);
    const progress = createProgress({ stream });
    for (let done = 1; done <= 5; done++) progress.update(done, 5);
    expect(writes).toEqual([]);
  });
});
