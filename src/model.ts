/**
 * The plain data that flows between the pipeline stages:
 *
 *   extract/  file bytes        -> ExtractedPost
 *   archive/  ExtractedPost[]   -> Archive
 *   search/   Archive + query   -> SearchResult
 *
 * Nothing here has behaviour; every stage takes and returns these shapes, so each can be
 * tested, serialised and replaced on its own.
 */

export type TalkKind = 'talk' | 'keynote' | 'lightning' | 'workshop' | 'panel';

export const TALK_KINDS: readonly TalkKind[] = ['talk', 'keynote', 'lightning', 'workshop', 'panel'];

/** A conference as a post names it, before any merging. */
export interface ConferenceRef {
  name: string;
  year: number | null;
  city: string | null;
}

export interface ExtractedSpeaker {
  name: string;
  /** With its leading "@", e.g. "@dgageot". */
  handle: string | null;
  affiliation: string | null;
}

export interface ExtractedTalk {
  /** null when the post names the talk only by its speaker. */
  title: string | null;
  speakers: ExtractedSpeaker[];
  /** Canonical topic names from the vocabulary (data/topics.json), e.g. "Kubernetes". */
  topics: string[];
  kind: TalkKind;
  /** The id of the post's section about this talk, or one the site generates for it. */
  anchor: string | null;
  /** Set only in posts that cover several conferences. */
  conference: ConferenceRef | null;
  /** The author's notes about the talk, as plain text (block-aware, whitespace condensed). */
  text: string;
}

export interface ExtractedPost {
  /** The path as given to the extractor. */
  source: string;
  title: string;
  /** ISO date, "2018-06-01". */
  date: string | null;
  /** "en", "fr", "zh"... */
  language: string | null;
  /** The canonical URL of the post when it declares one. */
  url: string | null;
  tags: string[];
  conference: ConferenceRef | null;
  talks: ExtractedTalk[];
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// The merged archive. Ids are derived from content (slugs), never from the order of reading.

export interface Conference {
  /** "dotscale-2018" */
  id: string;
  name: string;
  year: number | null;
  city: string | null;
  /** "dotscale": one series across years. */
  series: string;
  /** The earliest date of a post about it, ISO. */
  date: string | null;
  talkIds: string[];
}

export interface TalkSource {
  /** The post's path relative to the posts folder, "dotscale-2018.md". */
  post: string;
  postTitle: string;
  /** The post's canonical URL, or null when it has none (the site then links to its copy). */
  url: string | null;
  anchor: string | null;
  /** A short extract of the notes, for display. */
  excerpt: string;
  /** The notes this post has about the talk, plain text. */
  text: string;
  date: string | null;
}

export interface Talk {
  /** "dotscale-2018/istio-we-have-a-problem": conference id + "/" + slug. */
  id: string;
  conferenceId: string;
  slug: string;
  title: string;
  /** True when the post gave no title and one was made from speaker and topic. */
  titleDerived: boolean;
  speakerIds: string[];
  topicIds: string[];
  kind: TalkKind;
  summary: string;
  /** All notes from every source, joined. */
  text: string;
  date: string | null;
  sources: TalkSource[];
}

export interface Speaker {
  /** "david-gageot" */
  id: string;
  name: string;
  handles: string[];
  affiliations: string[];
  aliases: string[];
  talkIds: string[];
}

export interface Topic {
  /** "kubernetes" */
  id: string;
  name: string;
  aliases: string[];
  talkIds: string[];
}

export interface PostRecord {
  /** Path relative to the posts folder. */
  path: string;
  title: string;
  date: string | null;
  url: string | null;
  language: string | null;
  talkIds: string[];
  warnings: string[];
}

export interface Archive {
  conferences: Conference[];
  talks: Talk[];
  speakers: Speaker[];
  topics: Topic[];
  posts: PostRecord[];
  /** Old talk id -> current id of the same talk (its title was corrected): answer 301. */
  redirects?: Record<string, string>;
  /** Ids of talks whose posts were deleted: answer 410. */
  gone?: string[];
}

// ---------------------------------------------------------------------------------------------
// Search: the JSON shape of GET /api/search (a contract, see docs/architecture.md).

export interface SearchQuery {
  q: string;
  topic: string[];
  conference: string[];
  year: number[];
  speaker: string[];
  /** 1-based. */
  page: number;
  limit: number;
}

export interface Ref {
  id: string;
  name: string;
}

export interface SearchHit {
  id: string;
  url: string;
  title: string;
  speakers: Ref[];
  conference: { id: string; name: string; year: number | null };
  topics: Ref[];
  /** HTML in which only <mark> is unescaped. */
  snippet: string;
  sources: { url: string | null; anchor: string | null }[];
}

export interface FacetValue {
  id: string;
  name: string;
  count: number;
}

export interface SearchResult {
  query: string;
  total: number;
  page: number;
  limit: number;
  hits: SearchHit[];
  facets: { topic: FacetValue[]; conference: FacetValue[]; year: FacetValue[]; speaker: FacetValue[] };
  suggestion: string | null;
}
