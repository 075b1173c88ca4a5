import { describe, expect, test } from 'vitest';
import { createRunner } from '../../src/indexer/runner.ts';

/** A job whose runs finish only when the test releases them. */
function gatedJob() {
  const releases: (() => void)[] = [];
  let started = 0;
  let active = 0;
  let maxActive = 0;
  const job = async () => {
    const run = ++started;
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((resolve) => releases.push(resolve));
    active--;
    return run;
  };
  const release = async () => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  };
  /** Releases runs until the runner has nothing left to do. */
  const drain = async (runner: { busy: boolean }) => {
    while (runner.busy) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { job, release, drain, stats: () => ({ started, maxActive }) };
}

describe('the re-index runner', () => {
  test('starts a run at once when idle and answers with its report', async () => {
    const { job, release } = gatedJob();
    const runner = createRunner(job);
    const report = runner.trigger();
    expect(runner.busy).toBe(true);
    await release();
    await expect(report).resolves.toBe(1);
    await runner.idle();
    expect(runner.busy).toBe(false);
  });

  test('coalesces requests made during a run into one next run', async () => {
    const { job, release, stats } = gatedJob();
    const runner = createRunner(job);
    const first = runner.trigger();
    const during = [runner.trigger(), runner.trigger(), runner.trigger()];
    await release();
    await expect(first).resolves.toBe(1);
    await release();
    await expect(Promise.all(during)).resolves.toEqual([2, 2, 2]);
    await runner.idle();
    expect(stats().started).toBe(2);
  });

  test('never runs two jobs at the same time', async () => {
    const { job, release, drain, stats } = gatedJob();
    const runner = createRunner(job);
    const reports: Promise<number>[] = [];
    for (let round = 0; round < 5; round++) {
      reports.push(runner.trigger(), runner.trigger());
      await release();
    }
    await drain(runner);
    await Promise.all(reports);
    expect(stats().maxActive).toBe(1);
  });

  test('passes a failed run to its callers and keeps serving later requests', async () => {
    let calls = 0;
    const runner = createRunner(async () => {
      calls++;
      if (calls === 1) throw new Error('posts folder vanished');
      return calls;
    });
    await expect(runner.trigger()).rejects.toThrow('posts folder vanished');
    await expect(runner.trigger()).resolves.toBe(2);
  });
});
