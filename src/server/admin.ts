/**
 * The admin API, mounted at /api: `POST /api/reindex` re-scans the posts folder and answers
 * with the change report. It exists only when an admin token is configured
 * (TALKS_ADMIN_TOKEN); without one the route is not there at all and the site answers 404.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type RequestHandler, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './errors.ts';

export interface AdminOptions {
  /** The bearer token callers must present; null disables the admin API. */
  token: string | null;
  /** Runs (or joins) a re-index of the whole posts folder and resolves with its report. */
  reindex: () => Promise<unknown>;
  /** Requests allowed per client per window (default 10 a minute). */
  limit?: number;
  windowMs?: number;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares digests, which have equal lengths, so the time taken says nothing about the token. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function requireToken(token: string): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (match?.[1] && tokenMatches(match[1], token)) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="talks admin"');
    next(new HttpError(401, 'a valid admin token is required (Authorization: Bearer <TALKS_ADMIN_TOKEN>)'));
  };
}

export function createAdminRouter(options: AdminOptions): Router {
  const router = Router();
  if (!options.token) return router;
  // Limited before the token check, so guessing tokens is limited too.
  const limiter = rateLimit({
    windowMs: options.windowMs ?? 60_000,
    limit: options.limit ?? 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too many re-index requests; try again later')),
  });
  router.post('/reindex', limiter, requireToken(options.token), async (_req, res) => {
    res.json(await options.reindex());
  });
  return router;
}
