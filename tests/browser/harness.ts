/**
 * Runs the site on 127.0.0.1 for Chromium, next to a stand-in for the blogs whose posts the
 * fixture talks recap, so that "read the recap" links can be followed for real.
 */
import { existsSync } from 'node:fs';
import express from 'express';
import { pino } from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';
import type { Archive } from '../../src/model.ts';
import { createApp } from '../../src/server/app.ts';
import { listen, type RunningServer } from '../../src/server/listen.ts';
import { fixtureArchive } from '../server/fixture.ts';
import { fixtureState } from '../server/harness.ts';

export const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);

/**
 * Browser tests skip where Chromium is missing (install it with `apt-get install chromium`),
 * except in CI, where they run and fail loudly instead.
 */
export const describeBrowser = describe.skipIf(!hasChromium && !inCi);
export const browserSuiteName = (name: string) =>
  hasChromium || inCi ? name : `${name} (skipped: ${CHROMIUM} not found; apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
  if (!hasChromium)
    throw new Error(`Chromium is required for the browser tests in CI: ${CHROMIUM} not found`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Site {
  url: string;
  blogUrl: string;
  close(): Promise<void>;
}

/** A blog that answers every post with a section for each anchor the archive points at. */
function blogApp(anchors: string[]) {
  return express().get('/{*post}', (_req, res) => {
    const sections = anchors.map((a) => `<section id="${a}"><h2>${a}</h2><p>Notes.</p></section>`).join('');
    res.send(`<!doctype html><title>A recap</title><main>${sections}</main>`);
  });
}

export async function startSite(archive: Archive = fixtureArchive()): Promise<Site> {
  const anchors = archive.talks.flatMap((t) => t.sources.map((s) => s.anchor ?? '')).filter(Boolean);
  const blog = await listen(blogApp(anchors), { port: 0, signals: [] });
  for (const talk of archive.talks) {
    for (const source of talk.sources) {
      if (source.url?.startsWith('https://')) source.url = source.url.replace(/^https:\/\/[^/]+/, blog.url);
    }
  }
  const state = fixtureState(archive);
  const app = createApp({
    getState: () => state,
    logger: pino({ level: 'silent' }),
    config: { production: true },
  });
  const site: RunningServer = await listen(app, { port: 0, signals: [] });
  return {
    url: site.url,
    blogUrl: blog.url,
    close: async () => {
      await site.close();
      await blog.close();
    },
  };
}
