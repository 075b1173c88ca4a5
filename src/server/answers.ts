/**
 * Answers made once and sent many times: a body, its ETag, and the content coding it is in.
 * The routes whose cost is a search keep theirs in the answer cache, compressed copies included,
 * so that a repeated query costs neither the search, nor the rendering, nor the compression.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import type { AnswerCache } from './answer-cache.ts';

export type Coding = 'br' | 'gzip' | 'identity';

export interface Answer {
  body: Buffer;
  /** A weak validator, as Express makes its own: the compressed copies share it. */
  etag: string;
  coding: Coding;
}

export function answerOf(text: string): Answer {
  const body = Buffer.from(text);
  const hash = createHash('sha1').update(body).digest('base64url').slice(0, 27);
  return { body, etag: `W/"${body.length.toString(16)}-${hash}"`, coding: 'identity' };
}

/** Below this size compressing costs more than it saves (the compression middleware's own threshold). */
const COMPRESS_FROM = 1024;

/** The coding to answer in: brotli, then gzip, as the compression middleware prefers. */
export function codingFor(req: Request): Coding {
  const accepted = req.acceptsEncodings('br', 'gzip', 'identity');
  return accepted === 'br' || accepted === 'gzip' ? accepted : 'identity';
}

function encode(answer: Answer, coding: Coding): Answer {
  if (coding === 'identity' || answer.body.length < COMPRESS_FROM) return answer;
  // The levels the site's compression middleware uses: fast, for a body a few percent larger.
  const body =
    coding === 'br'
      ? brotliCompressSync(answer.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : gzipSync(answer.body, { level: 3 });
  return { body, etag: answer.etag, coding };
}

/** Sends an answer; Express answers 304 itself when the request's If-None-Match matches. */
export function sendAnswer(res: Response, type: string, cacheControl: string, answer: Answer): void {
  res.type(type).set({ 'Cache-Control': cacheControl, ETag: answer.etag, Vary: 'Accept-Encoding' });
  if (answer.coding !== 'identity') res.set('Content-Encoding', answer.coding);
  res.send(answer.body);
}

export interface Cached {
  cache: AnswerCache;
  /** The state the answer is computed from: the cache's generation. */
  state: object;
  key: string;
  coding: Coding;
}

/** The answer in the wanted coding, from the cache when it is there (synchronous). */
export function keptAnswer({ cache, state, key, coding }: Cached): Answer | undefined {
  const kept = cache.get(state, `${coding} ${key}`);
  if (kept || coding === 'identity') return kept;
  const plain = cache.get(state, `identity ${key}`);
  return plain ? keepEncoded({ cache, state, key, coding }, plain) : undefined;
}

/** Keeps a freshly made answer and returns it in the wanted coding (also kept). */
export function keepAnswer(where: Cached, plain: Answer): Answer {
  where.cache.set(where.state, `identity ${where.key}`, plain);
  return where.coding === 'identity' ? plain : keepEncoded(where, plain);
}

function keepEncoded({ cache, state, key, coding }: Cached, plain: Answer): Answer {
  const encoded = encode(plain, coding);
  if (encoded !== plain) cache.set(state, `${coding} ${key}`, encoded);
  return encoded;
}

/** A page's HTML, rendered with the response's locals (the asset URLs). */
function renderPage(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.render(view, locals, (error: Error | null, html: string) => (error ? reject(error) : resolve(html)));
  });
}

/**
 * Sends a page that depends only on the state and `key` (never on the request's origin): from
 * the cache when kept, else rendered from the locals `make` gives, then kept.
 */
export async function sendKeptPage(
  req: Request,
  res: Response,
  where: Omit<Cached, 'coding'>,
  view: string,
  make: () => Record<string, unknown>,
): Promise<void> {
  const place = { ...where, coding: codingFor(req) };
  const kept = keptAnswer(place);
  if (kept) return sendAnswer(res, 'html', 'no-cache', kept);
  const html = await renderPage(res, view, make());
  sendAnswer(res, 'html', 'no-cache', keepAnswer(place, answerOf(html)));
}
