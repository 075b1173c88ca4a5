/**
 * Puts an app on a socket, on 127.0.0.1 unless told otherwise, and shuts it down gracefully:
 * on SIGTERM (or SIGINT) it stops accepting connections, lets in-flight requests finish, closes
 * idle keep-alive connections, and forces the rest closed after a grace period.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface ListenOptions {
  port: number;
  host?: string;
  logger?: Logger;
  /** Close on these signals; an empty list leaves signals to the caller. */
  signals?: NodeJS.Signals[];
  /** How long in-flight requests may take after a shutdown starts. */
  graceMs?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting, waits for in-flight requests, then resolves. Safe to call twice. */
  close(): Promise<void>;
}

export async function listen(app: RequestListener, options: ListenOptions): Promise<RunningServer> {
  const { host = '127.0.0.1', logger, signals = ['SIGTERM', 'SIGINT'], graceMs = 10_000 } = options;
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger?.info({ url }, 'listening');

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= shutdown(server, graceMs, logger).finally(() => {
      for (const signal of signals) process.off(signal, onSignal);
    });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    logger?.info({ signal }, 'shutting down');
    void close();
  };
  for (const signal of signals) process.once(signal, onSignal);
  return { server, url, port, close };
}

function shutdown(server: Server, graceMs: number, logger?: Logger): Promise<void> {
  return new Promise((resolve) => {
    // server.close() stops accepting and resolves once every connection has ended.
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      logger?.info('closed');
      resolve();
    });
    // A keep-alive connection turns idle when its last response ends; close it then rather
    // than after the keep-alive timeout.
    server.on('request', (_req, res) => res.setHeader('Connection', 'close'));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const timer = setTimeout(() => {
      logger?.warn('requests still running after the grace period; closing their connections');
      server.closeAllConnections();
    }, graceMs);
    timer.unref();
  });
}
