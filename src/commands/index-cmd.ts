/**
 * `talks index [--posts DIR] [--data DIR] [--json] [--rebuild]`: brings the snapshot up to date
 * with the posts folder and prints what changed.
 */
import path from 'node:path';
import { resolveConfig } from '../config.ts';
import { createExtractPool } from '../indexer/extract-pool.ts';
import { formatReport, type IndexReport, runIndex } from '../indexer/index.ts';
import { createProgress, type ProgressStream } from '../indexer/progress.ts';

export interface IndexOptions {
  posts?: string;
  data?: string;
  json?: boolean;
  rebuild?: boolean;
}

/** Paths inside the working folder are shown (and used) relative: "data/posts" reads better in messages. */
function shortPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

export async function runIndexCommand(
  options: IndexOptions,
  out: (text: string) => void,
  log: (text: string) => void = (text) => process.stderr.write(`talks: ${text}\n`),
  env: NodeJS.ProcessEnv = process.env,
  progressStream: ProgressStream = process.stderr,
): Promise<IndexReport> {
  const config = resolveConfig({ postsDir: options.posts, dataDir: options.data }, env);
  const progress = createProgress({ stream: progressStream, log, unit: 'posts' });
  // Worker threads, so a post that hangs the extractor is skipped after the time limit.
  const pool = createExtractPool({ timeoutMs: config.extractTimeoutMs });
  const report = await runIndex({
    postsDir: shortPath(config.postsDir),
    dataDir: shortPath(config.dataDir),
    rebuild: options.rebuild ?? false,
    log,
    extract: pool.extract,
    onProgress: (done, total, path) => progress.update(done, total, path),
  }).finally(() => {
    progress.finish();
    return pool.close();
  });
  out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report;
}
