/**
 * Entry point of `npm run bench`: runs one benchmark or all of them, each in its own niced
 * process (the machine is shared), and leaves raw JSON in bench/results/.
 *
 *   npm run bench -- extract|search|http|reindex|all [options passed to the benchmark]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHES = ['extract', 'search', 'http', 'reindex'] as const;
type Bench = (typeof BENCHES)[number];

/** Extraction is measured on one core: pinned with taskset where the system has it. */
function command(bench: Bench, args: string[]): string[] {
  const script = path.join(import.meta.dirname, `${bench}.ts`);
  const node = [
    process.execPath,
    '--expose-gc',
    '--max-old-space-size=8000',
    '--import',
    'tsx',
    script,
    ...args,
  ];
  const pinned = bench === 'extract' && hasTaskset() ? ['taskset', '-c', '1'] : [];
  return ['nice', '-n', '10', ...pinned, ...node];
}

function hasTaskset(): boolean {
  return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
}

function run(bench: Bench, args: string[]): number {
  const [program, ...rest] = command(bench, args);
  process.stdout.write(`\n== ${bench}: ${[program, ...rest].join(' ')}\n`);
  return spawnSync(program as string, rest, { stdio: 'inherit' }).status ?? 1;
}

const [name = 'all', ...args] = process.argv.slice(2);
if (name === 'all') {
  const failed = BENCHES.filter((bench) => run(bench, []) !== 0);
  if (failed.length) process.stderr.write(`failed: ${failed.join(', ')}\n`);
  process.exitCode = failed.length ? 1 : 0;
} else if ((BENCHES as readonly string[]).includes(name)) {
  process.exitCode = run(name as Bench, args);
} else {
  process.stderr.write(`unknown benchmark "${name}" (choose from ${BENCHES.join(', ')}, all)\n`);
  process.exitCode = 2;
}
