/**
 * Configuration, layered: defaults -> environment -> command-line flags. This is the only
 * module that reads process.env.
 */
import path from 'node:path';

export interface RawConfig {
  postsDir?: string;
  dataDir?: string;
  port?: number | string;
  host?: string;
  /** The site's public address, for canonical links, feeds and the sitemap. */
  baseUrl?: string;
  adminToken?: string;
  watch?: boolean;
  logLevel?: string;
  /** Time limit for extracting one post, in milliseconds. */
  extractTimeoutMs?: number | string;
  /** Memory for finished search answers kept by the server, in megabytes; 0 turns it off. */
  searchCacheMb?: number | string;
}

export interface Config {
  postsDir: string;
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string | null;
  adminToken: string | null;
  watch: boolean;
  logLevel: string;
  production: boolean;
  extractTimeoutMs: number;
  searchCacheMb: number;
}

export const DEFAULTS = {
  postsDir: 'data/posts',
  dataDir: 'data/index',
  port: 3000,
  host: '127.0.0.1',
  logLevel: 'info',
  extractTimeoutMs: 5000,
  searchCacheMb: 64,
} as const;

export class ConfigError extends Error {}

function fromEnv(env: NodeJS.ProcessEnv): RawConfig {
  return {
    postsDir: env.TALKS_POSTS_DIR || undefined,
    dataDir: env.TALKS_DATA_DIR || undefined,
    port: env.PORT || undefined,
    host: env.HOST || undefined,
    baseUrl: env.TALKS_BASE_URL || undefined,
    adminToken: env.TALKS_ADMIN_TOKEN || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    extractTimeoutMs: env.TALKS_EXTRACT_TIMEOUT_MS || undefined,
    searchCacheMb: env.TALKS_SEARCH_CACHE_MB || undefined,
  };
}

function parsePort(value: number | string): number {
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`port "${value}" is not a port number (pass --port N or set PORT, 0-65535)`);
  }
  return port;
}

function parseTimeout(value: number | string): number {
  const ms = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(ms) || ms < 1) {
    throw new ConfigError(
      `extraction time limit "${value}" is not a number of milliseconds (pass --extract-timeout MS or set TALKS_EXTRACT_TIMEOUT_MS)`,
    );
  }
  return ms;
}

function parseCacheSize(value: number | string): number {
  const mb = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(mb) || mb < 0) {
    throw new ConfigError(
      `search cache size "${value}" is not a whole number of megabytes (set TALKS_SEARCH_CACHE_MB, 0 to turn the cache off)`,
    );
  }
  return mb;
}

function parseBaseUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      `base URL "${value}" is not an http(s) address (pass --base-url URL or set TALKS_BASE_URL, e.g. https://talks.example.org)`,
    );
  }
  return url.href.replace(/\/$/, '');
}

export function resolveConfig(flags: RawConfig, env: NodeJS.ProcessEnv = process.env): Config {
  const merged: RawConfig = { ...fromEnv(env) };
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return {
    postsDir: path.resolve(merged.postsDir ?? DEFAULTS.postsDir),
    dataDir: path.resolve(merged.dataDir ?? DEFAULTS.dataDir),
    port: parsePort(merged.port ?? DEFAULTS.port),
    host: merged.host ?? DEFAULTS.host,
    baseUrl: parseBaseUrl(merged.baseUrl),
    adminToken: merged.adminToken ?? null,
    watch: merged.watch ?? false,
    logLevel: merged.logLevel ?? DEFAULTS.logLevel,
    production: env.NODE_ENV === 'production',
    extractTimeoutMs: parseTimeout(merged.extractTimeoutMs ?? DEFAULTS.extractTimeoutMs),
    searchCacheMb: parseCacheSize(merged.searchCacheMb ?? DEFAULTS.searchCacheMb),
  };
}
