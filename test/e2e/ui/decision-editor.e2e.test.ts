/**
 * The DMN editor in real headless Chromium against the real API: a process owner finds
 * Decisions in the navigation, opens a deployed decision table, breaks a cell and sees the
 * server's verdict (check and refused deploy), fixes it, deploys version 2 and tries it
 * with variables; a sales user does not see the page in the navigation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild, REPO_ROOT } from './support/build-web';
import { startUiServer } from './support/ui-server';

const RISK = join(REPO_ROOT, 'test', 'fixtures', 'dmn', 'Risk.fixed.dmn');

describe('DMN editor (Chromium, real API)', () => {
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let w: WatchedPage;

  beforeAll(async () => {
    const dist = ensureWebBuild();
    api = await startApiHarness();
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);
    const owner = await api.token('wang.fang', ['process-owner']);
    const deployed = await api.call('POST', '/decision-definitions', {
      token: owner,
      body: readFileSync(RISK, 'utf8'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
    browser = await launchBrowser();
    w = await watchedPage(browser, ui.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    await api?.close();
  });

  async function signIn(user: string, groups: string): Promise<void> {
    const { page } = w;
    await page.goto('/login');
    await page.fill('input[name=user]', user);
    await page.fill('input[name=groups]', groups);
    await page.click('form button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** Replaces the text of a decision table cell, as a user typing into it. */
  async function typeIntoCell(cellId: string, text: string): Promise<void> {
    const cell = w.page.locator(`td[data-element-id="${cellId}"] [contenteditable]`);
    await cell.click();
    await w.page.keyboard.press('Control+A');
    await w.page.keyboard.type(text);
    // Leave the cell (the table's top-left corner is its 'View DRD' link: click the heading).
    await w.page.locator('main h1').click();
  }

  it('edits, checks, deploys and tries a decision table', async () => {
    const { page } = w;
    await signIn('wang.fang', 'process-owner');
    await page.locator('#app-header nav').getByRole('link', { name: 'Decisions' }).click();
    await page.waitForURL('**/decisions');
    await page.getByRole('link', { name: 'risk', exact: true }).click();
    await page.waitForURL('**/decisions/risk');
    await page.locator('td[data-element-id="risk_r1i0"]').waitFor();
    await page.locator('#decision-lint-summary').getByText('No problems').waitFor();
    await w.screenshot('dmn-01-editor');

    await typeIntoCell('risk_r1i0', '[101..');
    await page.locator('#decision-lint li[data-element-id="risk_r1"][data-rule="dmn-feel-syntax"]').waitFor();
    await page.click('#deploy-decision');
    await page.locator('#deploy-status').getByText('Not deployed').waitFor();
    await w.screenshot('dmn-02-refused');
    expect(w.take([/status of 400/])).toEqual([]);

    await typeIntoCell('risk_r1i0', '[101..2000]');
    await page.locator('#decision-lint-summary').getByText('No problems').waitFor();
    await page.click('#deploy-decision');
    await page.locator('#deploy-result').getByText('risk version 2').waitFor();

    const latest = await api.call('GET', '/decision-definitions/risk', {
      token: await api.token('wang.fang', ['process-owner']),
    });
    expect(latest.body.version).toBe(2);
    expect(latest.body.xml).toContain('[101..2000]');

    // 1500 now matches rule 1 and rule 2: the UNIQUE table fails; 50 matches rule 3 only.
    await page.fill('#try-variables', '{"amount": 1500}');
    await page.click('#try-decision');
    await page
      .locator('#try-result')
      .getByText(/UNIQUE violated/)
      .waitFor();
    expect(w.take([/status of 422/])).toEqual([]);
    await page.fill('#try-variables', '{"amount": 50}');
    await page.click('#try-decision');
    await page.locator('#try-value').getByText('{"level":"low","reviewers":0}').waitFor();
    await page.locator('#try-result li.matched-rule[data-rule-id="risk_r3"]').waitFor();
    await w.screenshot('dmn-03-deployed-and-tried');
    expect(w.take()).toEqual([]);
  });

  it('is not in the navigation of a user who is no process owner', async () => {
    const { page } = w;
    await signIn('li.lei', 'sales');
    await page.locator('#app-header nav').getByRole('link', { name: 'Processes' }).waitFor();
    expect(await page.locator('#app-header nav').getByRole('link', { name: 'Decisions' }).count()).toBe(0);
    expect(w.take()).toEqual([]);
  });
});
