import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  browserSuiteName,
  CHROMIUM,
  describeBrowser,
  launchChromium,
  type Site,
  startSite,
} from './harness.ts';

let browser: Browser;
let site: Site;

const hitTitles = (page: Page) => page.locator('#hits .hit-title').allTextContents();

describeBrowser(browserSuiteName('the site in a real browser'), () => {
  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('Chromium is installed', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  test('a topic search finds talks from several conferences, narrows by a facet, and the URL reproduces it', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    await page.fill('#q', 'crdt');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/search\?q=crdt$/);
    expect(await page.locator('#hits .hit').count()).toBe(3);
    const conferences = await page.locator('#hits .hit .meta a[href^="/conferences/"]').allTextContents();
    expect(new Set(conferences).size).toBe(3);

    await page.click('.facet[data-facet="year"] a:has-text("2019")');
    await page.waitForURL(/year=2019/);
    const narrowed = await hitTitles(page);
    expect(narrowed).toHaveLength(2);
    expect(await page.locator('#result-summary').textContent()).toBe('2 talks for “crdt”');

    const copied = page.url();
    const again = await browser.newPage();
    await again.goto(copied);
    expect(await hitTitles(again)).toEqual(narrowed);
    expect(await again.inputValue('#q')).toBe('crdt');
    await page.goBack();
    expect(await hitTitles(page)).toHaveLength(3);
    await Promise.all([page.close(), again.close()]);
  });

  test('a permalink shows the talk with the query highlighted and a working link to the recap', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search?q=operators`);
    await page.click('#hits .result-link');
    await page.waitForURL(/\/talks\/cloudsummit-2019\/kubernetes-operators\?q=operators$/);
    expect(await page.locator('h1').textContent()).toBe('Writing Kubernetes operators');
    expect(await page.locator('.notes mark').first().textContent()).toBe('Operators');

    await page.click('#source-1 .recap-link');
    await page.waitForURL(`${site.blogUrl}/cloud-summit#kubernetes-operators`);
    expect(await page.locator('#kubernetes-operators').isVisible()).toBe(true);
    await page.close();
  });

  test('typing updates the results without loading a page, and the keyboard moves through them', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search`);
    // history.replaceState counts as a same-document navigation; a page load fires `load`.
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('kafka', { delay: 20 });
    // Earlier keystrokes may answer first; wait for the answer to the whole word.
    await page.waitForFunction(
      () => document.getElementById('result-summary')?.textContent === '2 talks for “kafka”',
    );
    expect(await page.locator('#hits .hit').count()).toBe(2);
    expect(page.url()).toBe(`${site.url}/search?q=kafka`);
    await page.locator('#hits mark').first().waitFor();

    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('result-link'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#q')).toBe('');
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 0);
    expect(page.url()).toBe(`${site.url}/search`);

    await page.keyboard.type('kubernets');
    await page.locator('#suggestion a').waitFor();
    expect(await page.locator('#suggestion').textContent()).toBe('Did you mean kubernetes?');

    expect(loads).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await page.close();
  });

  test('nothing from a hostile post runs, on its page, in results or in live results', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

    await page.goto(`${site.url}/talks/devdays-2019/hostile`);
    expect(await page.locator('h1').textContent()).toContain('<script>');
    expect(await pwned()).toBeUndefined();

    await page.goto(`${site.url}/search?q=hostile`);
    expect(await pwned()).toBeUndefined();

    await page.goto(`${site.url}/search`);
    await page.fill('#q', 'notes');
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length > 0);
    expect(await page.locator('#hits').textContent()).toContain('<script>');
    expect(await pwned()).toBeUndefined();
    expect(await page.locator('#hits a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
