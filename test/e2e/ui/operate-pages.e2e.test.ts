/**
 * The operator screens in Chromium against the real API (Temporal dev server, SQLite, engine
 * worker): on an instance view an invalid token change is refused naming the element and
 * changes nothing; a token is moved to the end with a variable set and the instance completes;
 * on the instance list two instances are selected and migrated v1 → v2 through the migration
 * dialog (the mapping drawn on both diagrams), the batch page shows the progress, and both
 * instances continue on v2. No console errors except the refusal provoked on purpose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { eventually } from '../../support/eventually';
import { launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild } from './support/build-web';
import { startUiServer } from './support/ui-server';

const OPERATIONS = join(__dirname, '..', '..', 'fixtures', 'operations');
const enc = encodeURIComponent;

describe('operator screens (Chromium, real API): token editor, migration dialog, batch progress', () => {
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let w: WatchedPage;
  let owner: string;

  const deploy = (file: string) =>
    api.call('POST', '/process-definitions', {
      token: owner,
      body: readFileSync(join(OPERATIONS, file), 'utf8'),
      contentType: 'application/xml',
    });
  const start = async (businessKey: string) => {
    const res = await api.call('POST', '/process-instances', {
      token: owner,
      body: { processId: 'order-ops', businessKey, variables: { orderNo: businessKey } },
    });
    expect(res.status).toBe(201);
    const instanceId: string = res.body.instanceId;
    await eventually(
      () => api.call('GET', `/process-instances/${enc(instanceId)}`, { token: owner }),
      (r) => r.body.activeElements?.includes('review'),
    );
    return instanceId;
  };
  const instance = async (id: string) =>
    (await api.call('GET', `/process-instances/${enc(id)}`, { token: owner })).body;

  beforeAll(async () => {
    const dist = ensureWebBuild();
    api = await startApiHarness();
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);
    owner = await api.token('wang.fang', ['process-owner']);
    expect((await deploy('Order.v1.bpmn')).body.version).toBe(1);
    browser = await launchBrowser();
    w = await watchedPage(browser, ui.origin);
    const { page } = w;
    page.on('dialog', (d) => void d.accept());
    await page.goto('/login');
    await page.fill('input[name=user]', 'wang.fang');
    await page.fill('input[name=groups]', 'process-owner');
    await page.click('form button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    await api?.close();
  });

  /** Clicks an element of the instance view's diagram, and waits for the token editor to select it. */
  async function select(elementId: string) {
    const { page } = w;
    await page.locator(`.djs-element[data-element-id="${elementId}"]`).first().click();
    await page.locator('.selected-element').getByText(elementId).waitFor();
  }

  it('refuses a token on the start event, naming it, and changes nothing', async () => {
    const { page } = w;
    const id = await start('OPS-UI-1');
    await page.goto(`/instances/${enc(id)}`);
    await page.locator('.djs-element.token-active[data-element-id="review"]').waitFor();
    await select('start');
    await page.getByRole('button', { name: 'Add token' }).click();
    await page.locator('.planned li').getByText('add a token at start').waitFor();
    await page.getByRole('button', { name: 'Apply changes' }).click();
    const refusal = page.locator('.error-box').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('start');
    expect(await instance(id)).toMatchObject({ state: 'ACTIVE', activeElements: ['review'] });
    expect(w.take([/status of 400/])).toEqual([]);
  });

  it('moves the token to the end with a variable set; the instance completes', async () => {
    const { page } = w;
    const id = await start('OPS-UI-2');
    await page.goto(`/instances/${enc(id)}`);
    await page.locator('.djs-element.token-active[data-element-id="review"]').waitFor();
    await select('end');
    await page.getByRole('button', { name: 'Move tokens here from review' }).click();
    await page.getByLabel('Process variables to set (JSON object)').fill('{ "skippedBy": "wang.fang" }');
    await page.getByRole('button', { name: 'Add variable change' }).click();
    await page.locator('.planned li').getByText('move review → end').waitFor();
    await page.locator('.planned li').getByText('set variables skippedBy').waitFor();
    await w.screenshot('operate-01-token-editor');
    await page.getByRole('button', { name: 'Apply changes' }).click();

    const done = await eventually(
      () => instance(id),
      (d) => d.state === 'COMPLETED',
    );
    expect(done.variables).toMatchObject({ orderNo: 'OPS-UI-2', skippedBy: 'wang.fang' });
    expect(w.take()).toEqual([]);
  });

  it('migrates two selected instances to v2 through the dialog; the batch page shows them done', async () => {
    const { page } = w;
    const ids = [await start('OPS-UI-3'), await start('OPS-UI-4')];
    expect((await deploy('Order.v2.bpmn')).body.version).toBe(2);

    await page.goto('/instances?processId=order-ops&version=1&state=ACTIVE');
    for (const id of ids) await page.getByRole('checkbox', { name: id, exact: true }).check();
    await page.locator('.batch-bar').getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Migrate selected…' }).click();

    const dialog = page.locator('dialog.migration-dialog');
    await dialog.getByText('Migrate 2 instances to another version').waitFor();
    await dialog.getByLabel('Target version').selectOption('2');
    await dialog.locator('.target-heading').getByText('Target v2').waitFor();
    await dialog.locator('select[data-source="review"]').selectOption('check');
    // The mapping is drawn on both diagrams: a numbered badge on the source and on the target element.
    await dialog.locator('.mapping-badge').nth(1).waitFor();
    await dialog.getByRole('button', { name: 'Check plan' }).click();
    await dialog.getByText('The plan carries every element an instance can rest in.').waitFor();
    await w.screenshot('operate-02-migration-dialog');
    await dialog.getByRole('button', { name: 'Migrate', exact: true }).click();

    await page.waitForURL(/\/batches\/[^/]+$/);
    const batchId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const progress = await eventually(
      async () => (await api.call('GET', `/batch-operations/${enc(batchId)}`, { token: owner })).body,
      (b) => b.state === 'COMPLETED',
      120_000,
    );
    expect(progress).toMatchObject({ operation: 'migrate', total: 2, done: 2, failed: 0 });
    await page.reload();
    await page.locator('dd').getByText('migrate', { exact: true }).waitFor();
    await w.screenshot('operate-03-batch-progress');

    for (const id of ids)
      expect(await instance(id)).toMatchObject({ version: 2, state: 'ACTIVE', activeElements: ['check'] });
    expect(w.take()).toEqual([]);
  });
});
