/**
 * The read-only JSON API besides /api/search (routes/search.ts): the archive's entities, one
 * talk with its related talks, and the health check.
 */
import { type Request, type Response, Router } from 'express';
import type { Talk } from '../../model.ts';
import { safeHref } from '../html.ts';
import { conferenceLabel } from '../present.ts';
import { type AppState, talkUrl } from '../state.ts';
import { loadEntity, loadTalk, stateOf } from './load.ts';

// Short, so a re-index shows within seconds; the ETag makes revalidation cheap for the client.
const API_CACHE = 'public, max-age=5';

function send(res: Response, body: unknown): void {
  res.set('Cache-Control', API_CACHE).json(body);
}

function talkRef(state: AppState, talk: Talk) {
  const conference = state.lookups.conferences.get(talk.conferenceId);
  return {
    id: talk.id,
    url: talkUrl(talk),
    title: talk.title,
    kind: talk.kind,
    date: talk.date,
    conference: { id: talk.conferenceId, name: conference ? conferenceLabel(conference) : talk.conferenceId },
  };
}

function talkJson(state: AppState, talk: Talk) {
  const conference = state.lookups.conferences.get(talk.conferenceId);
  const name = (table: Map<string, { name: string }>, id: string) => ({
    id,
    name: table.get(id)?.name ?? id,
  });
  return {
    ...talkRef(state, talk),
    conference: {
      id: talk.conferenceId,
      name: conference?.name ?? talk.conferenceId,
      year: conference?.year ?? null,
    },
    titleDerived: talk.titleDerived,
    speakers: talk.speakerIds.map((id) => name(state.lookups.speakers, id)),
    topics: talk.topicIds.map((id) => name(state.lookups.topics, id)),
    summary: talk.summary,
    sources: talk.sources.map((source) => ({ ...source, url: safeHref(source.url) })),
    related: state.search.related(talk.id, 5).map((other) => talkRef(state, other)),
  };
}

function talksOf(state: AppState, ids: readonly string[]) {
  return ids.flatMap((id) => {
    const talk = state.lookups.talks.get(id);
    return talk ? [talkRef(state, talk)] : [];
  });
}

const withCount = <T extends { talkIds: string[] }>({ talkIds, ...rest }: T) => ({
  ...rest,
  talkCount: talkIds.length,
});

type Kind = 'conferences' | 'speakers' | 'topics';

function entityRoutes(router: Router, kind: Kind, what: string): void {
  router.get(`/api/${kind}`, (_req, res) => {
    send(res, { [kind]: stateOf(res).archive[kind].map(withCount) });
  });
  router.get(`/api/${kind}/:id`, (req: Request, res) => {
    const state = stateOf(res);
    const entity = loadEntity<{ talkIds: string[] }>(state.lookups[kind], req.params.id, what);
    send(res, { ...withCount(entity), talks: talksOf(state, entity.talkIds) });
  });
}

export function apiRouter(): Router {
  const router = Router();
  router.get('/api/talks/:conferenceId/:talkSlug', (req, res) => {
    const talk = loadTalk(req, res, '/api');
    if (talk) send(res, talkJson(stateOf(res), talk));
  });
  entityRoutes(router, 'conferences', 'conference');
  entityRoutes(router, 'speakers', 'speaker');
  entityRoutes(router, 'topics', 'topic');
  router.get('/healthz', (_req, res) => {
    const { archive, loadedAt } = stateOf(res);
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      loadedAt: loadedAt.toISOString(),
      counts: {
        talks: archive.talks.length,
        conferences: archive.conferences.length,
        speakers: archive.speakers.length,
        topics: archive.topics.length,
        posts: archive.posts.length,
      },
    });
  });
  return router;
}
