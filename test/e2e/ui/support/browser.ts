/**
 * Debian's Chromium through playwright-core, offline-friendly flags, and a page that
 * records console errors and uncaught exceptions so tests can assert there are none.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './build-web';

export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'ui');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and page errors seen so far (cleared by take()). */
  errors: string[];
  /** Returns and clears the recorded errors, leaving out the expected ones. */
  take(expected?: RegExp[]): string[];
  screenshot(name: string): Promise<void>;
}

export async function watchedPage(
  browser: Browser,
  baseURL: string,
  opts: { lang?: 'en' | 'zh-CN' } = {},
): Promise<WatchedPage> {
  // 1366×768: the laptop screen the UI must stay readable on.
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
  // The UI starts in zh-CN (the plant's default); a test picks its first language, the
  // in-page switch changes it afterwards.
  await context.addInitScript((lang: string) => {
    if (!localStorage.getItem('bpmn-temporal.lang')) localStorage.setItem('bpmn-temporal.lang', lang);
  }, opts.lang ?? 'en');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    errors,
    take(expected = []) {
      const found = errors.splice(0).filter((e) => !expected.some((re) => re.test(e)));
      return found;
    },
    async screenshot(name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
  };
}
