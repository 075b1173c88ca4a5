/**
 * `talks serve [--port N] [--host H] [--posts DIR] [--data DIR] [--watch]` and `talks start`:
 * boots from the snapshot (or builds it), serves the site, and re-indexes while serving when
 * posts change (`--watch`, on by default for `start`) or when the admin API asks.
 *
 * A re-index never shows a half-built archive: it scans and extracts aside, then applies the
 * change and swaps the server's state in one synchronous step, and only then writes the
 * snapshot. Runs are serialised by the runner; requests during a run join the next one.
 */

import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { type Config, ConfigError, resolveConfig } from '../config.ts';
import { createExtractPool, type ExtractPool } from '../indexer/extract-pool.ts';
import { Indexer, type IndexReport } from '../indexer/index.ts';
import { createReindexer, type Reindexer } from '../indexer/runner.ts';
import { POST_EXTENSIONS } from '../indexer/scan.ts';
import { type PostWatcher, watchPosts } from '../indexer/watch.ts';
import { createAdminRouter } from '../server/admin.ts';
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

async function boot(config: Config, pool: ExtractPool, logger: Logger): Promise<Indexer> {
  const indexer = await Indexer.open({
    postsDir: config.postsDir,
    dataDir: config.dataDir,
    extract: pool.extract,
    log: (message) => logger.warn(message),
  });
  // Brings a valid snapshot up to date (a stat per post when nothing changed) or builds one.
  const report = await indexer.update();
  logReport(logger, report, report.snapshot.written ? 'indexed' : 'snapshot is up to date');
  return indexer;
}

function watchIfAsked(config: Config, reindexer: Reindexer, logger: Logger) {
  if (!config.watch) return Promise.resolve(null);
  return watchPosts({
    postsDir: config.postsDir,
    extensions: POST_EXTENSIONS,
    onChange: ({ paths, removed }) => {
      logger.debug({ paths, removed }, 'posts changed');
      const run = removed ? reindexer.all() : reindexer.paths(paths);
      run.catch((error: unknown) => logger.error({ err: error }, 're-index failed'));
    },
    onError: (error) => logger.error({ err: error }, 'watching the posts folder failed'),
  });
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
      if (report.snapshot.written) logReport(logger, report, 're-indexed');
      logger.debug(phases, 're-index phases');
    },
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

/** Closes the extraction workers when a start-up step fails, so the process can exit. */
async function orClose<T>(pool: ExtractPool, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
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
  const indexer = await orClose(pool, boot(config, pool, logger));
  const { getState, reindexer } = liveState(indexer, logger);
  const adminRouter = createAdminRouter({ token: config.adminToken, reindex: () => reindexer.all() });
  const app = createApp({
    getState,
    logger,
    config: {
      production: config.production,
      adminRouter,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    },
  });
  const server = await orClose(pool, listenOrExplain(app, config, logger));
  const watcher: PostWatcher | null = await watchIfAsked(config, reindexer, logger);
  if (watcher) {
    logger.info({ posts: config.postsDir }, 'watching for changes');
    // Workers take a moment to start; the next post dropped in should not wait for them.
    void pool.warm();
  }
  if (!config.adminToken) logger.info('admin API off (set TALKS_ADMIN_TOKEN to enable POST /api/reindex)');

  let closing: Promise<void> | null = null;
  const close = async () => {
    await watcher?.close();
    await Promise.all([server.close(), reindexer.idle()]);
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
