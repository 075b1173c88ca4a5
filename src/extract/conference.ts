/** Infers the conference (name, year, city) a post is about. */
import type { CheerioAPI } from 'cheerio';
import type { ConferenceRef } from '../model.ts';
import type { PostMeta } from './meta.ts';

export function inferConference(_$: CheerioAPI, _meta: PostMeta): ConferenceRef | null {
  return null;
}
