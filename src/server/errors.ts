/**
 * HTTP errors and the handlers that answer them. A page asks for HTML and gets a page; the API
 * (and any client that prefers JSON) gets `{ error, parameter? }`. Stack traces stay in the log
 * in production.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The query or path parameter at fault, for 400 answers. */
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export function notFound(what = 'page'): HttpError {
  return new HttpError(404, `${what} not found`);
}

export function wantsJson(req: Request): boolean {
  if (req.path.startsWith('/api/') || req.path === '/api') return true;
  // Browsers name text/html; a client that names neither (curl, feed readers) gets JSON.
  return req.accepts(['json', 'html']) === 'json';
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(req.path.startsWith('/api') ? 'resource' : 'page'));
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  429: 'Too many requests',
  404: 'Not found',
  410: 'Gone',
  500: 'Something went wrong',
};

export function errorHandler(production: boolean, logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status = errorStatus(err);
    const known = err instanceof HttpError;
    if (!known || status >= 500)
      logger.error({ err, req: { method: req.method, url: req.originalUrl } }, 'request failed');
    const message = known || status < 500 ? messageOf(err) : 'internal error';
    const body: Record<string, unknown> = { error: message };
    if (err instanceof HttpError && err.parameter) body.parameter = err.parameter;
    if (!production && status >= 500 && err instanceof Error) body.stack = err.stack;
    if (res.headersSent) return;
    res.status(status);
    if (wantsJson(req)) {
      res.json(body);
      return;
    }
    const locals = { title: TITLES[status] ?? 'Error', status, message, stack: body.stack ?? null };
    res.render('error', locals, (renderError: Error | null, html: string) => {
      if (renderError) logger.error({ err: renderError }, 'error page failed');
      res.type(renderError ? 'text/plain' : 'html').send(renderError ? `${locals.title}: ${message}` : html);
    });
  };
}

function errorStatus(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  // body-parser and friends set `status` on client errors such as malformed JSON.
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : 'error';
}
