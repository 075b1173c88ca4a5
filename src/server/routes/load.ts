/**
 * Loading entities from the request's state. An unknown id is a 404; a talk whose id moved
 * answers 301 to its new URL, and one removed from the archive answers 410.
 */
import type { Request, Response } from 'express';
import type { Talk } from '../../model.ts';
import { HttpError, notFound } from '../errors.ts';
import { type AppState, talkUrl } from '../state.ts';

export function stateOf(res: Response): AppState {
  return res.locals.state;
}

/** The talk named by `:conferenceId/:talkSlug`, or null when a redirect was sent. */
export function loadTalk(req: Request, res: Response, prefix = ''): Talk | null {
  const { lookups } = stateOf(res);
  const id = `${req.params.conferenceId}/${req.params.talkSlug}`;
  const talk = lookups.talks.get(id);
  if (talk) return talk;
  const target = lookups.redirects.get(id);
  if (target && lookups.talks.has(target)) {
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    res.redirect(301, `${prefix}${talkUrl({ id: target })}${search}`);
    return null;
  }
  if (lookups.gone.has(id)) throw new HttpError(410, 'this talk was removed from the archive');
  throw notFound('talk');
}

export function loadEntity<T>(table: Map<string, T>, id: unknown, what: string): T {
  const entity = typeof id === 'string' ? table.get(id) : undefined;
  if (entity === undefined) throw notFound(what);
  return entity;
}
