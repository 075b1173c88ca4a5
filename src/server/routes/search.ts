/**
 * The routes whose cost is a search: `/api/search`, `/search` and `/feed.xml`. Each answer is
 * made once per query and archive state, kept in the answer cache (compressed copies too) and
 * sent from there, with an ETag for revalidation. They come before the compression middleware:
 * their answers carry their own coding.
 */
import { type Request, type Response, Router } from 'express';
import type { SearchQuery } from '../../model.ts';
import type { AnswerCache } from '../answer-cache.ts';
import {
  type Answer,
  answerOf,
  type Cached,
  codingFor,
  keepAnswer,
  keptAnswer,
  sendAnswer,
  sendKeptPage,
} from '../answers.ts';
import { safeHref } from '../html.ts';
import { isEmptyQuery, parseSearchQuery, queryKey } from '../params.ts';
import { searchView } from '../search-view.ts';
import type { AppState } from '../state.ts';
import { feedXml } from './feeds.ts';
import { stateOf } from './load.ts';

// Short, so a re-index shows within seconds; the ETag makes revalidation cheap for the client.
const API_CACHE = 'public, max-age=5';
const FEED_CACHE = 'public, max-age=300';

function searchJson(state: AppState, query: SearchQuery): string {
  const result = state.search.search(query);
  // Post URLs reach API clients only when they are plain http(s), as on the pages.
  const hits = result.hits.map((hit) => ({
    ...hit,
    sources: hit.sources.map((source) => ({ ...source, url: safeHref(source.url) })),
  }));
  return JSON.stringify({ ...result, hits });
}

/** The kept answer, or the one `make` gives, kept. Synchronous. */
function through(where: Cached, make: () => Answer): Answer {
  return keptAnswer(where) ?? keepAnswer(where, make());
}

export function searchRouter(cache: AnswerCache): Router {
  const router = Router();
  const where = (req: Request, res: Response, key: string): Cached => ({
    cache,
    state: stateOf(res),
    key,
    coding: codingFor(req),
  });

  router.get('/api/search', (req, res) => {
    const query = parseSearchQuery(req.query);
    const state = stateOf(res);
    const answer = through(where(req, res, `api ${queryKey(query)}`), () =>
      answerOf(searchJson(state, query)),
    );
    sendAnswer(res, 'json', API_CACHE, answer);
  });

  // The page depends on the query, the state and the asset URLs (fixed for the process), never
  // on the request's origin.
  router.get('/search', async (req, res) => {
    const query = parseSearchQuery(req.query);
    const state = stateOf(res);
    await sendKeptPage(req, res, { cache, state, key: `page ${queryKey(query)}` }, 'search', () => ({
      title: query.q ? `${query.q} – search` : 'Search',
      query,
      view: isEmptyQuery(query) ? null : searchView(state, query, state.search.search(query)),
    }));
  });

  router.get('/feed.xml', (req, res) => {
    const query = parseSearchQuery(req.query);
    const state = stateOf(res);
    const origin = res.locals.origin;
    const self = `${origin}${req.originalUrl}`;
    // The feed names its own address, so the address is the key (its query was validated).
    const answer = through(where(req, res, `feed ${self}`), () =>
      answerOf(feedXml(state, query, origin, self)),
    );
    sendAnswer(res, 'application/atom+xml', FEED_CACHE, answer);
  });
  return router;
}
