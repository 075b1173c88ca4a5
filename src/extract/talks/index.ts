/** Finds the talks of a post: segments the article into sections and reads title and speakers. */
import type { CheerioAPI } from 'cheerio';
import type { ExtractedTalk } from '../../model.ts';
import type { LoadedPost } from '../load.ts';

export function extractTalks(_$: CheerioAPI, _root: LoadedPost['root']): ExtractedTalk[] {
  return [];
}
