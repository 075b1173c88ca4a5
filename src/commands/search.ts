/**
 * `talks search QUERY [--topic T] [--conference C] [--year Y] [--speaker S] [--page N] [--limit N]
 * [--json] [--data DIR]`: searches the snapshot. `--json` prints exactly the body of
 * GET /api/search; otherwise a readable list with the matched words highlighted.
 */
import { ConfigError, resolveConfig } from '../config.ts';
import { Indexer } from '../indexer/index.ts';
import type { SearchQuery, SearchResult } from '../model.ts';
import { DEFAULT_LIMIT } from '../search/index.ts';
import type { ArchiveSearch } from '../search/types.ts';

export interface SearchOptions {
  topic?: string[];
  conference?: string[];
  year?: string[];
  speaker?: string[];
  page?: string;
  limit?: string;
  json?: boolean;
  data?: string;
}

/** How <mark> is shown: terminal bold, or [brackets] where escapes would be printed raw. */
export type MarkStyle = 'bold' | 'brackets';

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new ConfigError(
      `${flag} "${value}" is not a positive whole number (pass ${flag} N, e.g. ${flag} 2)`,
    );
  }
  return n;
}

function years(values: string[]): number[] {
  return values.map((value) => {
    const year = Number(value);
    if (!/^\d{4}$/.test(value.trim()) || !Number.isInteger(year)) {
      throw new ConfigError(`--year "${value}" is not a year (pass --year YYYY, e.g. --year 2018)`);
    }
    return year;
  });
}

export function toSearchQuery(q: string, options: SearchOptions): SearchQuery {
  return {
    q,
    topic: options.topic ?? [],
    conference: options.conference ?? [],
    year: years(options.year ?? []),
    speaker: options.speaker ?? [],
    page: positiveInt('--page', options.page, 1),
    limit: positiveInt('--limit', options.limit, DEFAULT_LIMIT),
  };
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};

/** The snippet HTML as terminal text: marks shown in `style`, entities decoded. */
export function snippetText(html: string, style: MarkStyle): string {
  const [open, close] = style === 'bold' ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  return html
    .replace(/<mark>/g, open)
    .replace(/<\/mark>/g, close)
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!);
}

export function formatResults(result: SearchResult, style: MarkStyle): string {
  const lines: string[] = [];
  const from = (result.page - 1) * result.limit + 1;
  const shown = result.hits.length
    ? `${from}-${from + result.hits.length - 1} of ${result.total}`
    : `none of ${result.total}`;
  lines.push(`${result.total} talk${result.total === 1 ? '' : 's'} for "${result.query}" (showing ${shown})`);
  if (result.suggestion) lines.push(`Did you mean: ${result.suggestion}`);
  result.hits.forEach((hit, i) => {
    const who = hit.speakers.map((s) => s.name).join(', ');
    const conf = `${hit.conference.name}${hit.conference.year ? ` ${hit.conference.year}` : ''}`;
    lines.push('', `${from + i}. ${hit.title}`, `   ${[who, conf].filter(Boolean).join(' · ')}`);
    if (hit.snippet) lines.push(`   ${snippetText(hit.snippet, style)}`);
    lines.push(`   ${hit.url}`);
  });
  return lines.join('\n');
}

export async function runSearch(
  q: string,
  options: SearchOptions,
  out: (text: string) => void,
  open: (dataDir: string | undefined) => Promise<ArchiveSearch> = openSnapshotSearch,
  style: MarkStyle = 'brackets',
): Promise<void> {
  const query = toSearchQuery(q, options);
  const search = await open(options.data);
  const result = search.search(query);
  out(options.json ? JSON.stringify(result, null, 2) : formatResults(result, style));
}

/** The search index of the snapshot in the data folder (no posts are read). */
export async function openSnapshotSearch(dataDir: string | undefined): Promise<ArchiveSearch> {
  const config = resolveConfig({ dataDir });
  const indexer = await Indexer.open({ postsDir: config.postsDir, dataDir: config.dataDir });
  if (!indexer.archive.talks.length) {
    throw new ConfigError(
      `no talks indexed in "${config.dataDir}" (run "talks index" first, or pass --data DIR)`,
    );
  }
  return indexer.search;
}
