import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadSnapshot } from '../../src/indexer/snapshot-load.ts';

const WRITER = fileURLToPath(new URL('./crash/writer.ts', import.meta.url));

/** Runs the writer until it has completed `after` snapshots plus a random bit, then SIGKILLs it. */
function writeThenKill(dataDir: string, after: number, jitterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let completed = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      completed = Number(lines[lines.length - 1]);
      if (completed >= after) setTimeout(() => child.kill('SIGKILL'), jitterMs);
    });
    child.on('error', reject);
    child.on('exit', () => resolve(completed));
  });
}

describe('a crash while writing a snapshot', () => {
  test('always leaves a complete snapshot to load', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'talks-crash-'));
    try {
      for (const [round, jitter] of [0, 3, 7, 13, 29].entries()) {
        const completed = await writeThenKill(path.join(root, 'index'), round + 2, jitter);
        const loaded = await loadSnapshot(path.join(root, 'index'), 'crash-test');
        expect(loaded.ok).toBe(true);
        // The last completed write, or one that finished after the last line was read.
        if (loaded.ok) expect(loaded.snapshot.archive.talks.length).toBeGreaterThanOrEqual(completed);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
