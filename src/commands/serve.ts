/**
 * `talks serve [--port N] [--host H] [--posts DIR] [--data DIR] [--watch]` and `talks start`:
 * boots from the snapshot (or builds it), serves the site, and re-indexes while serving when
 * posts change (`--watch`, on by default for `start`) or when the admin API asks.
 *
 * A re-index never shows a half-built archive: it scans and extracts aside, then applies the
 * change and swaps the server's state in one synchronous step. The snapshot is written later,
 * once the folder is quiet, so the next change never waits for it. Runs are serialised by the
 * runner; requests during a run join the next one.
 */

import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { type Config, ConfigError, resolveConfig } from '../config.ts';
import { createExtractPool, type ExtractPool } from '../indexer/extract-pool.ts';
import { Indexer, type IndexReport } from '../indexer/index.ts';
import { createReindexer, type Reindexer } from '../indexer/runner.ts';
import { POST_EXTENSIONS } from '../indexer/scan.ts';
import { type ChangeBurst, holdBursts, type PostWatcher, watchPosts } from '../indexer/watch.ts';
import { createAdminRouter } from '../server/admin.ts';
import { cacheLimits } from '../server/answer-cache.ts';
import { createApp } from '../server/app.ts';
import { listen, type RunningServer } from '../server/listen.ts';
import { createAppState } from '../server/state.ts';
import { createLogger, describeRun } from './log.ts';

export interface ServeOptions {
  /** A module exporting `extractPost`, run in the workers instead of src/extract. */
  extractModule?: string;
  /** Signals that stop the server; an empty list leaves them to the caller (tests). */
  signals?: NodeJS.Signals[];
}

export interface Serving {
  url: string;
  /** Asks for a re-index of the whole posts folder; resolves with its report. */
  reindex(): Promise<IndexReport>;
  /** Stops watching, lets a running re-index finish, closes the server and the workers. */
  close(): Promise<void>;
}

function logReport(logger: Logger, report: IndexReport, message: string): void {
  logger.info({ snapshot: report.snapshot.written }, `${message}: ${describeRun(report)}`);
  for (const skipped of report.posts.skipped) logger.warn(`${skipped.path}: ${skipped.reason}`);
}

/** Re-reads the posts a burst names, or the whole folder when something was removed. */
function reindexOn(reindexer: Reindexer, logger: Logger) {
  return ({ paths, removed }: ChangeBurst) => {
    logger.debug({ paths, removed }, 'posts changed');
    const run = removed ? reindexer.all() : reindexer.paths(paths);
    run.catch((error: unknown) => logger.error({ err: error }, 're-index failed'));
  };
}

function watchIfAsked(config: Config, onChange: (burst: ChangeBurst) => void, logger: Logger) {
  if (!config.watch) return Promise.resolve(null);
  return watchPosts({
    postsDir: config.postsDir,
    extensions: POST_EXTENSIONS,
    onChange,
    onError: (error) => logger.error({ err: error }, 'watching the posts folder failed'),
  });
}

/**
 * Opens the snapshot while the watcher takes its first look at the folder, then brings the
 * snapshot up to date with one full scan (a stat per post when nothing changed). The watcher
 * ignores what it finds at first; since the scan starts only once it is ready, a post written
 * at any moment is seen by the scan or reported by the watcher, never missed by both.
 */
async function boot(
  config: Config,
  pool: ExtractPool,
  logger: Logger,
  onChange: (burst: ChangeBurst) => void,
) {
  const watching = watchIfAsked(config, onChange, logger);
  try {
    const { postsDir, dataDir } = config;
    const log = (message: string) => logger.warn(message);
    // The builder's warm-up waits for the server to listen: boot first (warm-up.ts says why).
    const indexer = await Indexer.open({ postsDir, dataDir, extract: pool.extract, log, warmUp: false });
    const watcher = await watching;
    const report = await indexer.update();
    logReport(logger, report, report.snapshot.written ? 'indexed' : 'snapshot is up to date');
    return { indexer, watcher };
  } catch (error) {
    await (await watching.catch(() => null))?.close();
    throw error;
  }
}

/** Listens, turning "address in use" into a message that says what to change. */
async function listenOrExplain(app: RequestListener, config: Config, logger: Logger): Promise<RunningServer> {
  try {
    return await listen(app, { port: config.port, host: config.host, logger, signals: [] });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
    const problem = code === 'EADDRINUSE' ? 'is already in use' : 'cannot be used';
    throw new ConfigError(
      `port ${config.port} on ${config.host} ${problem} (pass --port N or set PORT; --host H or HOST)`,
    );
  }
}

/** The state the server reads, swapped by each re-index as soon as the change is applied. */
function liveState(indexer: Indexer, logger: Logger) {
  let state = createAppState(indexer.archive, indexer.search);
  const reindexer = createReindexer({
    indexer,
    onApplied: () => {
      state = createAppState(indexer.archive, indexer.search);
    },
    onDone: (report, phases) => {
      const changed = report.posts.added.length + report.posts.changed.length + report.posts.removed.length;
      if (changed + report.posts.renamed.length > 0) logReport(logger, report, 're-indexed');
      logger.debug(phases, 're-index phases');
    },
    onPersisted: (id, ms) => logger.info({ snapshot: id, ms }, 'snapshot written'),
    onPersistError: (error) => logger.error({ err: error }, 'writing the snapshot failed'),
  });
  return { getState: () => state, reindexer };
}

function stopOnSignals(handle: Serving, signals: NodeJS.Signals[], logger: Logger): void {
  for (const signal of signals) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void handle.close();
    });
  }
}

/** Closes the workers (and the watcher) when a start-up step fails, so the process can exit. */
async function orClose<T>(pool: ExtractPool, step: Promise<T>, watcher?: PostWatcher | null): Promise<T> {
  try {
    return await step;
  } catch (error) {
    await watcher?.close();
    await pool.close();
    throw error;
  }
}

export async function startServing(
  config: Config,
  logger: Logger,
  options: ServeOptions = {},
): Promise<Serving> {
  const pool = createExtractPool({
    timeoutMs: config.extractTimeoutMs,
    extractModule: options.extractModule,
  });
  // Workers take a moment to start: started with the boot, so the first post need not wait.
  if (config.watch) void pool.warm();
  const bursts = holdBursts();
  const { indexer, watcher } = await orClose(pool, boot(config, pool, logger, bursts.onChange));
  const { getState, reindexer } = liveState(indexer, logger);
  bursts.connect(reindexOn(reindexer, logger));
  const adminRouter = createAdminRouter({ token: config.adminToken, reindex: () => reindexer.all() });
  const app = createApp({
    getState,
    logger,
    config: {
      production: config.production,
      adminRouter,
      cache: cacheLimits(config.searchCacheMb),
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    },
  });
  const server = await orClose(pool, listenOrExplain(app, config, logger), watcher);
  indexer.warmUp();
  if (watcher) logger.info({ posts: config.postsDir }, 'watching for changes');
  if (!config.adminToken) logger.info('admin API off (set TALKS_ADMIN_TOKEN to enable POST /api/reindex)');

  let closing: Promise<void> | null = null;
  const close = async () => {
    await watcher?.close();
    // The last changes are written before the workers go, so a restart boots from them.
    const written = reindexer.idle().catch((error: unknown) => {
      logger.error({ err: error }, 'writing the snapshot failed');
    });
    await Promise.all([server.close(), written]);
    await pool.close();
  };
  const handle: Serving = {
    url: server.url,
    reindex: () => reindexer.all(),
    close: () => (closing ??= close()),
  };
  stopOnSignals(handle, options.signals ?? ['SIGTERM', 'SIGINT'], logger);
  return handle;
}

export interface ServeFlags {
  port?: string;
  host?: string;
  baseUrl?: string;
  posts?: string;
  data?: string;
  watch?: boolean;
  extractTimeout?: string;
}

/** `talks serve` (watch only with --watch) and `talks start` (watch unless --no-watch). */
export async function runServeCommand(
  flags: ServeFlags,
  mode: 'serve' | 'start',
  env: NodeJS.ProcessEnv = process.env,
): Promise<Serving> {
  const config = resolveConfig(
    {
      postsDir: flags.posts,
      dataDir: flags.data,
      port: flags.port,
      host: flags.host,
      baseUrl: flags.baseUrl,
      watch: flags.watch ?? mode === 'start',
      extractTimeoutMs: flags.extractTimeout,
    },
    env,
  );
  return startServing(config, createLogger(config.logLevel));
}
