/**
 * The plant working-day calendar over HTTP and on /calendar in Chromium (real API, real
 * Temporal): it ships with the 2026 PRC public holidays and make-up working days (调休); only
 * an admin edits it (403 otherwise, 400 for a date that does not exist); the page shows the
 * year in zh-CN and en, and an admin adds and removes a plant holiday on it.
 */
import type { Browser } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild } from './support/build-web';
import { startUiServer } from './support/ui-server';

describe('plant working-day calendar: API and /calendar page (Chromium)', () => {
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  const pages: WatchedPage[] = [];

  async function signIn(lang: 'zh-CN' | 'en', user: string, groups: string): Promise<WatchedPage> {
    const w = await watchedPage(browser, ui.origin, { lang });
    pages.push(w);
    await w.page.goto('/login');
    await w.page.locator('#login-user').fill(user);
    await w.page.locator('#login-groups').fill(groups);
    await w.page.locator('#login-user').press('Enter');
    await w.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return w;
  }

  beforeAll(async () => {
    const dist = ensureWebBuild();
    api = await startApiHarness();
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);
    browser = await launchBrowser();
  }, 420_000);

  afterAll(async () => {
    for (const w of pages) await w.page.context().close();
    await browser?.close();
    await ui?.close();
    await api?.close();
  });

  it('ships the 2026 public holidays; only an admin edits a day, with a clear 400 for a date that does not exist', async () => {
    const sales = await api.token('li.na', ['sales']);
    const admin = await api.token('root', ['admin']);
    const year = await api.call('GET', '/calendar?year=2026', { token: sales });
    expect(year.status).toBe(200);
    expect(year.body.days).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          date: '2026-02-16',
          kind: 'holiday',
          name: expect.stringContaining('春节'),
        }),
        expect.objectContaining({ date: '2026-10-10', kind: 'workday', updatedBy: 'seed' }),
      ]),
    );
    expect(year.body.workingDays).toHaveLength(248);
    expect(year.body.workingDays).toContain('2026-10-10');
    expect(year.body.workingDays).not.toContain('2026-10-05');

    const body = { kind: 'holiday', name: '厂庆 Plant anniversary' };
    expect(await api.call('PUT', '/calendar/days/2026-12-11', { token: sales, body })).toMatchObject({
      status: 403,
    });
    expect(await api.call('PUT', '/calendar/days/2026-02-30', { token: admin, body })).toMatchObject({
      status: 400,
      body: { statusCode: 400, code: 'CALENDAR.INVALID_DATE' },
    });
    expect(
      await api.call('PUT', '/calendar/days/2026-12-11', {
        token: admin,
        body: { kind: 'day-off', name: 'x' },
      }),
    ).toMatchObject({ status: 400, body: { statusCode: 400 } });
    const put = await api.call('PUT', '/calendar/days/2026-12-11', { token: admin, body });
    expect(put).toMatchObject({
      status: 200,
      body: { date: '2026-12-11', kind: 'holiday', updatedBy: 'root' },
    });
    const after = await api.call('GET', '/calendar?year=2026', { token: sales });
    expect(after.body.workingDays).toHaveLength(247);
    expect(after.body.workingDays).not.toContain('2026-12-11');
    expect(await api.call('DELETE', '/calendar/days/2026-12-11', { token: admin })).toMatchObject({
      status: 204,
    });
    expect(await api.call('DELETE', '/calendar/days/2026-12-11', { token: admin })).toMatchObject({
      status: 404,
      body: { code: 'CALENDAR.DAY_NOT_FOUND' },
    });
  });

  it('shows the year on /calendar in zh-CN and en; an admin adds a plant holiday and removes it again', async () => {
    const w = await signIn('zh-CN', 'root', 'admin');
    const { page } = w;
    await page.locator('nav a[href="/calendar"]').click();
    await page.waitForURL(/\/calendar/);
    await page.goto('/calendar?year=2026');
    await page.locator('#calendar-year').waitFor();
    expect(await page.locator('main h1').first().textContent()).toMatch(/工厂工作日历 2026/);
    expect(await page.locator('#calendar-summary').textContent()).toContain('工作日 248 天');
    expect(await page.locator('[data-date="2026-02-16"]').getAttribute('data-kind')).toBe('holiday');
    expect(await page.locator('[data-date="2026-10-10"]').getAttribute('data-kind')).toBe('workday');
    expect(await page.locator('[data-date="2026-12-05"]').getAttribute('data-kind')).toBe('weekend');
    expect(await page.locator('[data-date="2026-12-02"]').getAttribute('data-kind')).toBe('working');
    await w.screenshot('pack-calendar-zh-CN');

    await page.locator('#cal-date').fill('2026-12-11');
    await page.locator('#cal-kind').selectOption('holiday');
    await page.locator('#cal-name').fill('厂庆');
    await page.locator('#calendar-edit button[type="submit"]').click();
    await page.locator('[data-date="2026-12-11"][data-kind="holiday"]').waitFor();
    expect(await page.locator('#calendar-summary').textContent()).toContain('工作日 247 天');
    const stored = await api.call('GET', '/calendar?year=2026', { token: await api.token('x', ['sales']) });
    expect(stored.body.days).toContainEqual(
      expect.objectContaining({ date: '2026-12-11', updatedBy: 'root' }),
    );

    await page.locator('#language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('#calendar-summary').waitFor();
    expect(await page.locator('main h1').first().textContent()).toMatch(/Plant working-day calendar 2026/);
    expect(await page.locator('#calendar-summary').textContent()).toContain('247 working days');
    await w.screenshot('pack-calendar-en');

    await page.locator('[data-remove="2026-12-11"]').click();
    await page.locator('[data-date="2026-12-11"][data-kind="working"]').waitFor();
    expect(w.take()).toEqual([]);
  });

  it('shows the calendar read-only to everyone else', async () => {
    const w = await signIn('en', 'li.na', 'sales');
    await w.page.goto('/calendar?year=2026');
    await w.page.locator('#calendar-year').waitFor();
    expect(await w.page.locator('#calendar-edit').count()).toBe(0);
    expect(await w.page.locator('[data-remove]').count()).toBe(0);
    expect(await w.page.locator('main').textContent()).toContain('Only an admin edits the calendar.');
    expect(w.take()).toEqual([]);
  });
});
