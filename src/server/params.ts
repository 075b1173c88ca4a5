/**
 * Query-string validation. Every parameter a route reads goes through zod here; a bad value
 * becomes a 400 that names the parameter (`{ error, parameter }`), never a silent default.
 */
import { z } from 'zod';
import type { SearchQuery } from '../model.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_LENGTH } from '../search/index.ts';
import { HttpError } from './errors.ts';

// The caps are the search module's, so the API refuses what the index would silently clamp.
export { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_LENGTH };
export const MAX_PAGE = 1000;
const MAX_FILTER_VALUES = 20;

/** A parameter given once is a string, given several times an array: accept both. */
const list = (item: z.ZodType<string>) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string()).max(MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values`));

const id = z.string().trim().min(1, 'must not be empty').max(120, 'is too long');

const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value) => value ?? String(fallback))
    .pipe(z.string().regex(/^\d{1,6}$/, 'must be a whole number'))
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const searchSchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .optional()
    .transform((value) => (value ?? '').trim()),
  topic: list(id),
  conference: list(id),
  speaker: list(id),
  year: list(z.string().regex(/^\d{4}$/, 'must be a four-digit year')),
  page: intParam(1, MAX_PAGE, 1),
  limit: intParam(1, MAX_LIMIT, DEFAULT_LIMIT),
});

/** Raises the first problem as a 400 naming its parameter. */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? 'query');
  const reason =
    issue?.code === 'invalid_union' || issue?.code === 'invalid_type' ? 'is invalid' : issue?.message;
  throw new HttpError(400, `parameter "${parameter}" ${reason ?? 'is invalid'}`, parameter);
}

/** Filters are sets: their values come sorted and once each, so equal queries look equal. */
const canonical = (values: string[]) => [...new Set(values)].sort();

export function parseSearchQuery(query: unknown): SearchQuery {
  const parsed = parse(searchSchema, query ?? {});
  return {
    q: parsed.q,
    topic: canonical(parsed.topic),
    conference: canonical(parsed.conference),
    speaker: canonical(parsed.speaker),
    year: canonical(parsed.year).map(Number),
    page: parsed.page,
    limit: parsed.limit,
  };
}

/** One string per distinct query, for caching its answer. */
export function queryKey(query: SearchQuery): string {
  const { q, topic, conference, speaker, year, page, limit } = query;
  return JSON.stringify([q, topic, conference, speaker, year, page, limit]);
}

const relatedSchema = z.object({ q: searchSchema.shape.q });

/** The optional `?q=` of a talk page, used to highlight terms in the notes. */
export function parseHighlightQuery(query: unknown): string {
  return parse(relatedSchema, query ?? {}).q;
}

/** True when a query has nothing to search or filter by. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return (
    query.q === '' &&
    query.topic.length + query.conference.length + query.speaker.length + query.year.length === 0
  );
}
