import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/index.ts';
import { extractPost } from '../../src/extract/index.ts';
import type { Archive } from '../../src/model.ts';
import { browserSuiteName, describeBrowser, launchChromium, type Site, startSite } from './harness.ts';

const FIXTURE = 'tests/fixtures/hostile/hostile-conf-2024.html';

/** The hostile post through the real pipeline: whatever it yields must stay inert. */
function hostileArchive(): Archive {
  const post = extractPost(FIXTURE, readFileSync(FIXTURE));
  return buildArchive([['hostile-conf-2024.html', post]]);
}

let browser: Browser;
let site: Site;
let archive: Archive;

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('load');
}

describeBrowser(browserSuiteName('a hostile post in a real browser'), () => {
  beforeAll(async () => {
    archive = hostileArchive();
    browser = await launchChromium();
    site = await startSite(archive);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the pipeline finds talks in the post', () => {
    expect(archive.talks.length).toBeGreaterThan(0);
  });

  test('nothing from it runs on any page that shows it, nor in live results', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const paths = [
      '/',
      '/search?q=script',
      '/search?q=xss',
      '/conferences',
      '/speakers',
      '/topics',
      ...archive.talks.map((t) => `/talks/${t.id}?q=script`),
      ...archive.speakers.map((s) => `/speakers/${s.id}`),
      ...archive.topics.map((t) => `/topics/${t.id}`),
      ...archive.conferences.map((c) => `/conferences/${c.id}`),
    ];
    for (const path of paths) {
      await visit(page, site.url + path);
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
        path,
      ).toBeUndefined();
      expect(await page.locator('a[href^="javascript:" i]').count(), path).toBe(0);
    }

    await visit(page, `${site.url}/search`);
    await page.fill('#q', 'script');
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length > 0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
