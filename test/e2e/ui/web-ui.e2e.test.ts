/**
 * The web UI in real headless Chromium against the real API (Temporal dev server, SQLite,
 * engine worker): sign in; edit the shipped contract-review diagram's timer, see the lint
 * error of a broken edit and the server's deploy errors, fix it, deploy version n+1; start
 * an instance and watch its view; complete its task through the inbox form; see the view
 * move on; open the heatmap and the other pages. Screenshots go to test-artifacts/ui/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild, REPO_ROOT } from './support/build-web';
import { startUiServer } from './support/ui-server';

const FIXTURES = join(__dirname, 'fixtures');
const DIAGRAMS = join(REPO_ROOT, 'diagrams', 'contract-review');
const INSTANCE_ID = 'ui-order/UI-1';
const instancePath = `/instances/${encodeURIComponent(INSTANCE_ID)}`;
/** The browser logs every non-2xx fetch; these are the refusals a step provokes on purpose. */
const refused = (status: number) => new RegExp(`status of ${status}`);

describe('web UI (Chromium, real API)', () => {
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let w: WatchedPage;
  let owner: string;
  let receiptVersion: number;

  beforeAll(async () => {
    const dist = ensureWebBuild();
    api = await startApiHarness();
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);

    owner = await api.token('wang.fang', ['process-owner']);
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.form'))) {
      await api.call('POST', '/forms', { token: owner, body: readFileSync(join(DIAGRAMS, file), 'utf8') });
    }
    const form = await api.call('POST', '/forms', {
      token: owner,
      body: readFileSync(join(FIXTURES, 'ui-order-review.form'), 'utf8'),
    });
    expect(form.status).toBe(201);
    for (const file of readdirSync(DIAGRAMS)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()) {
      await api.call('POST', '/process-definitions', {
        token: owner,
        body: readFileSync(join(DIAGRAMS, file), 'utf8'),
        contentType: 'application/xml',
      });
    }
    const fixture = await api.call('POST', '/process-definitions', {
      token: owner,
      body: readFileSync(join(FIXTURES, 'UiOrder.review-and-approve.bpmn'), 'utf8'),
      contentType: 'application/xml',
    });
    expect(fixture.status).toBe(201);
    // The telephone-memo reminder timer is in the contract review's receipt stage (cr-receipt).
    const receipt = await api.call('GET', '/process-definitions/cr-receipt', { token: owner });
    expect(receipt.status).toBe(200);
    receiptVersion = receipt.body.version;

    browser = await launchBrowser();
    w = await watchedPage(browser, ui.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    await api?.close();
  });

  afterEach(() => {
    expect(w.take()).toEqual([]);
  });

  async function signIn(user: string, groups: string): Promise<void> {
    const { page } = w;
    await page.goto('/login');
    await page.fill('input[name=user]', user);
    await page.fill('input[name=groups]', groups);
    await page.click('form button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('sends an anonymous visitor to /login and signs in through the development form, by keyboard', async () => {
    const { page } = w;
    await page.goto('/processes');
    await page.waitForURL(/\/login\?next=%2Fprocesses/);
    // Keyboard only: the user field has focus, Tab moves on, Enter submits.
    await page.locator('input[name=user]:focus').waitFor();
    await page.keyboard.type('wang.fang');
    await page.keyboard.press('Tab');
    await page.keyboard.type('process-owner, sales, pmc');
    await w.screenshot('01-login');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/processes');
    await page.getByRole('link', { name: 'contract-review', exact: true }).waitFor();
    await page.getByRole('link', { name: 'ui-order', exact: true }).waitFor();
    expect(await page.locator('#app-header .user').textContent()).toContain('wang.fang');
    await w.screenshot('02-processes');
  });

  it('edits a timer of the shipped contract-review receipt stage (cr-receipt): lint error on a broken value, server errors on deploy, fixed and deployed as version n+1', async () => {
    const { page } = w;
    const timerId = 'Boundary_ConfirmationReminder';
    await page.goto(`/processes/cr-receipt?element=${timerId}`);
    await page.locator('#deployed-version').getByText(`version ${receiptVersion}`).waitFor();
    await page.locator(`.djs-element.selected[data-element-id="${timerId}"]`).waitFor();

    const timerValue = await openTimerValue();
    await timerValue.fill('P3');
    const lintEntry = page.locator(`.lint-panel li[data-element-id="${timerId}"]`);
    await lintEntry.first().waitFor();
    expect(await lintEntry.first().textContent()).toContain('Invalid timer value "P3"');
    await page
      .locator(`.djs-overlays[data-container-id="${timerId}"] .bjsl-overlay .bjsl-icon-error`)
      .waitFor();
    await w.screenshot('03-modeler-lint-error');

    // Deploying anyway: the server refuses and its problems land on the element.
    await page.click('#deploy-button');
    await page.locator(`.deploy-problem[data-element-id="${timerId}"]`).waitFor();
    expect(await page.locator('#deploy-status').textContent()).toContain('Not deployed');
    await w.screenshot('04-modeler-deploy-refused');
    expect(w.take([refused(400)])).toEqual([]);

    await timerValue.fill('P3D');
    await lintEntry.first().waitFor({ state: 'detached' });
    await page.locator('.deploy-problem').first().waitFor({ state: 'detached' }); // stale once edited
    await page.click('#diff-button');
    await page.locator(`.diff-list li.diff-changed[data-element-id="${timerId}"]`).waitFor();
    await w.screenshot('05-modeler-diff');

    await page.click('#deploy-button');
    await page
      .locator('#deploy-result')
      .getByText(`version ${receiptVersion + 1}`)
      .waitFor();
    await page
      .locator('#deployed-version')
      .getByText(`version ${receiptVersion + 1}`)
      .waitFor();
    expect(await page.locator('.deploy-problem').count()).toBe(0);
    await w.screenshot('06-modeler-deployed');

    const latest = await api.call('GET', '/process-definitions/cr-receipt', { token: owner });
    expect(latest.body.version).toBe(receiptVersion + 1);
    expect(latest.body.xml).toMatch(/<bpmn:timeDuration[^>]*>P3D<\/bpmn:timeDuration>/);
    expect(latest.body.xml).toContain('P5D');

    async function openTimerValue() {
      const input = page.locator('#bio-properties-panel-timerEventDefinitionValue');
      if (!(await input.isVisible()))
        await page
          .locator(
            '.bio-properties-panel-group[data-group-id="group-timer"] .bio-properties-panel-group-header',
          )
          .click();
      await input.waitFor();
      return input;
    }
  });

  it('shows a started instance with its active task, completed elements and timeline', async () => {
    const { page } = w;
    const due = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const reviewDue = new Date(Date.now() - 86400_000).toISOString(); // the review is a day late already
    const started = await api.call('POST', '/process-instances', {
      token: owner,
      body: {
        processId: 'ui-order',
        businessKey: 'UI-1',
        variables: { customer: 'Acme Brakes', committedDeliveryDate: due, reviewDue },
      },
    });
    expect(started.status).toBe(201);
    expect(started.body.instanceId).toBe(INSTANCE_ID);

    await page.goto(instancePath);
    await page.locator('.djs-element.token-active[data-element-id="Task_Review"]').waitFor();
    await page.locator('.token-badge-completed[data-element-id="Start"]').waitFor();
    await page.locator('#instance-tasks').getByRole('link', { name: 'Review order' }).waitFor();
    await page.locator('#instance-timeline .vis-item').first().waitFor();
    expect(await page.locator('#instance-timeline .vis-custom-time').count()).toBeGreaterThanOrEqual(2); // today + committed date
    expect(await page.locator('#instance-variables').textContent()).toContain('Acme Brakes');
    expect(await page.locator('.instance-summary .badge-risk').textContent()).toContain(
      'overdue: Review order',
    );
    await w.screenshot('07-instance-started');
  });

  it('shows a refusal plainly: a pmc user may not complete the sales review (403)', async () => {
    const { page } = w;
    const { body } = await api.call(
      'GET',
      `/tasks?instanceId=${encodeURIComponent(INSTANCE_ID)}&state=open`,
      { token: owner },
    );
    const taskId = body.items[0].taskId as string;
    await signIn('zhao.pmc', 'pmc');
    await page.goto(`/tasks/${encodeURIComponent(taskId)}`);
    await page.locator('.fjs-form').waitFor();
    await page.getByLabel('Review comment').fill('not mine to say');
    await page.click('#task-submit');
    await page.locator('#task-status .error-box').getByText('403').waitFor();
    await w.screenshot('08-task-refused-403');
    expect(w.take([refused(403)])).toEqual([]);
  });

  it('completes the task through the inbox and its form', async () => {
    const { page } = w;
    await signIn('li.lei', 'sales');
    await page.goto('/tasks');
    const row = page.locator('#task-inbox tr', { hasText: 'Review order' });
    await row.waitFor();
    await row.locator('.badge-overdue').waitFor();
    expect(await page.locator('.overdue-summary').textContent()).toBe('1 overdue');
    await w.screenshot('09-inbox');
    await row.getByRole('link', { name: 'Review order' }).click();
    await page.locator('.fjs-form').waitFor();
    expect(await page.getByLabel('Customer').inputValue()).toBe('Acme Brakes');

    // form-js validates first: a missing required field never reaches the server.
    await page.click('#task-submit');
    await page.locator('#task-status .error-box').waitFor();
    await page.getByLabel('Review comment').fill('Capacity confirmed with production');
    // form-js re-renders the checkbox from its state: click, then read the state back.
    await page.getByLabel('Feasible as ordered').click();
    expect(await page.getByLabel('Feasible as ordered').isChecked()).toBe(true);
    await w.screenshot('10-task-form');
    await page.click('#task-submit');
    await page.locator('#task-completed').waitFor();
    expect(await page.locator('#task-state').textContent()).toBe('completed');
    await w.screenshot('11-task-completed');
  });

  it('moves the instance view on: the token at the next task, the review counted, the timeline longer', async () => {
    const { page } = w;
    await page.goto(instancePath); // a deep link, loaded fresh
    await page.locator('.djs-element.token-active[data-element-id="Task_Approve"]').waitFor();
    await page.locator('.token-badge-completed[data-element-id="Task_Review"]').waitFor();
    expect(await page.locator('.djs-element.token-active[data-element-id="Task_Review"]').count()).toBe(0);
    expect(await page.locator('#instance-variables').textContent()).toContain(
      'Capacity confirmed with production',
    );
    await page.locator('#instance-timeline .vis-item.tl-task-completed').first().waitFor();
    await w.screenshot('12-instance-moved-on');
  });

  it('lists the instance and shows the process heatmap', async () => {
    const { page } = w;
    await page.goto('/instances?processId=ui-order');
    await page.getByRole('link', { name: 'UI-1' }).waitFor();
    await page.locator('.facts').getByText('Approve order').waitFor();
    await w.screenshot('13-instances');
    await page.getByRole('link', { name: 'Heatmap' }).click();
    await page.locator('.token-badge-active[data-element-id="Task_Approve"]').waitFor();
    await page.locator('.token-badge-completed[data-element-id="Task_Review"]').waitFor();
    expect(await page.locator('.heatmap-summary').textContent()).toContain('1 instance');
    await w.screenshot('14-heatmap');
  });

  it('renders the forms, meetings and KPI pages, with empty states where the server has no data yet', async () => {
    const { page } = w;
    await signIn('wang.fang', 'process-owner, manager');
    await page.goto('/forms');
    await page.getByRole('link', { name: 'ui-order-review' }).click();
    await page.locator('.fjs-editor-container, .fjs-form-editor, .fjs-container').first().waitFor();
    await page.getByText('Review comment').first().waitFor();
    await page.click('#deploy-form');
    await page
      .locator('.deploy-status .success-box')
      .getByText(/Deployed form ui-order-review version \d+/)
      .waitFor();
    await w.screenshot('15-form-editor');

    await page.goto('/meetings');
    await page.locator('#daily-title').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await w.screenshot('16-meetings');

    await page.goto('/kpi');
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await w.screenshot('17-kpi');

    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
  });
});
