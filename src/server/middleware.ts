/**
 * The per-request work every route pays, kept to what cannot be done once: one log line when
 * the response is finished, and security headers computed when the app is built.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { Logger } from 'pino';

/**
 * One line per answered request, in the shape pino-http writes (`req`, `res`, `responseTime`,
 * "request completed"), without a child logger per request. Method, URL and status only:
 * headers would put the admin bearer token in the log.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!logger.isLevelEnabled('info') || req.url.startsWith('/static/')) return next();
    const start = performance.now();
    res.once('finish', () => {
      logger.info(
        {
          req: { method: req.method, url: req.originalUrl },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - start),
        },
        'request completed',
      );
    });
    next();
  };
}

/**
 * Helmet's headers depend on its options only, so they are computed once, by running helmet on
 * a response that goes nowhere, and set in one step on each request instead of through
 * helmet's dozen middleware functions.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  helmet(options)(req, res, () => {});
  const headers = Object.entries(res.getHeaders()).map(([name, value]) => [name, String(value)] as const);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
