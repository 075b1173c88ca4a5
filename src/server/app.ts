/**
 * The web application: `createApp(deps)` builds an Express app around a state getter; the
 * listening socket lives in listen.ts. Each request reads the getter once (into
 * `res.locals.state`), so a re-index that swaps the state mid-request is never half seen.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { AnswerCache, type CacheLimits, cacheLimits, DEFAULT_CACHE_MB } from './answer-cache.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { requestLog, securityHeaders } from './middleware.ts';
import { apiRouter } from './routes/api.ts';
import { feedRouter } from './routes/feeds.ts';
import { pageRouter } from './routes/pages.ts';
import { searchRouter } from './routes/search.ts';
import type { AppState } from './state.ts';

declare global {
  namespace Express {
    interface Locals {
      state: AppState;
      /** The site's origin, for canonical links and feeds: "https://talks.example.org". */
      origin: string;
      assets: AssetUrls;
    }
  }
}

export interface AppConfig {
  production: boolean;
  /** Mounted at /api before the read-only API (POST /api/reindex lives there). */
  adminRouter?: Router;
  /** The public origin; when absent it is taken from the request. */
  baseUrl?: string;
  /** Re-reads and recompiles the templates on every request, for editing views live. */
  reloadViews?: boolean;
  /** Bounds of the search answers kept (answer-cache.ts); 64 MB by default. */
  cache?: CacheLimits;
}

export interface AppDeps {
  getState: () => AppState;
  logger: Logger;
  config: AppConfig;
}

export interface AssetUrls {
  css: string;
  js: string;
}

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));
const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

/** A content hash in the asset URLs lets browsers keep them for a year. */
function assetVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['style.css', 'app.js']) hash.update(readFileSync(PUBLIC_DIR + file));
  return hash.digest('hex').slice(0, 10);
}

export function createApp({ getState, logger, config }: AppDeps): express.Express {
  const app = express();
  const version = assetVersion();
  const assets: AssetUrls = { css: `/static/${version}/style.css`, js: `/static/${version}/app.js` };
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('x-powered-by', false);
  // Without the cache EJS reads and compiles every template and partial on every request.
  app.set('view cache', !config.reloadViews);
  // Includes name their file from this root (`include('/partials/head')`): a relative include
  // costs EJS a file-system check on every render, even with the cache on.
  app.set('view options', { root: VIEWS_DIR });

  app.use(requestLog(logger));
  app.use(securityHeaders({ contentSecurityPolicy: { useDefaults: false, directives: CSP } }));
  const baseUrl = config.baseUrl?.replace(/\/$/, '');
  app.use((req, res, next) => {
    res.locals.assets = assets;
    res.locals.origin = baseUrl ?? `${req.protocol}://${req.get('host')}`;
    res.locals.state = getState();
    next();
  });

  // The search routes come first: they are most of the traffic, and their answers, kept
  // compressed in the cache, need neither the compression middleware nor the static files.
  // Pages kept in the cache would hide edits to the templates, hence no cache then.
  const cache = new AnswerCache(config.cache ?? cacheLimits(config.reloadViews ? 0 : DEFAULT_CACHE_MB));
  app.use(searchRouter(cache));
  // Level 3 takes about half the time of the default 6 on a 30 KB page for a body 5 % larger.
  app.use(compression({ level: 3 }));
  app.use(
    `/static/${version}`,
    express.static(PUBLIC_DIR, { maxAge: '365d', immutable: true, index: false }),
  );
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: 0, index: false }));
  if (config.adminRouter) app.use('/api', config.adminRouter);
  app.use(apiRouter());
  app.use(feedRouter());
  app.use(pageRouter(cache));
  app.use(notFoundHandler);
  app.use(errorHandler(config.production, logger));
  return app;
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
