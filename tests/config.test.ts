import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, resolveConfig } from '../src/config.ts';

describe('resolveConfig', () => {
  test('uses the defaults when neither flags nor environment say anything', () => {
    const config = resolveConfig({}, {});
    expect(config).toMatchObject({
      postsDir: path.resolve('data/posts'),
      dataDir: path.resolve('data/index'),
      port: 3000,
      host: '127.0.0.1',
      adminToken: null,
      baseUrl: null,
      production: false,
    });
  });

  test('lets the environment override the defaults and flags override the environment', () => {
    const env = { TALKS_POSTS_DIR: '/srv/posts', PORT: '8080', TALKS_ADMIN_TOKEN: 'secret' };
    expect(resolveConfig({}, env)).toMatchObject({
      postsDir: '/srv/posts',
      port: 8080,
      adminToken: 'secret',
    });
    expect(resolveConfig({ postsDir: '/other', port: '9000' }, env)).toMatchObject({
      postsDir: '/other',
      port: 9000,
    });
  });

  test('reads the public base URL and drops its trailing slash', () => {
    expect(resolveConfig({}, { TALKS_BASE_URL: 'https://talks.example.org/' }).baseUrl).toBe(
      'https://talks.example.org',
    );
  });

  test.each([
    [{ port: 'http' }, 'port "http" is not a port number (pass --port N or set PORT, 0-65535)'],
    [
      { baseUrl: 'ftp://example.org' },
      'base URL "ftp://example.org" is not an http(s) address (pass --base-url URL or set TALKS_BASE_URL, e.g. https://talks.example.org)',
    ],
  ])('rejects %o with a message that says how to fix it', (flags, message) => {
    expect(() => resolveConfig(flags, {})).toThrow(new ConfigError(message));
  });
});
