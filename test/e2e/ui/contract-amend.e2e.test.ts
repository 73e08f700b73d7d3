/**
 * Amending a contract in the browser (CR-9), in zh-CN (Chromium, real API, real Temporal):
 * sales amends an executing contract on /contracts/:contractNo; the new revision is on
 * record, the contract goes back through review (its signature form in Chinese, form-js's
 * own texts and date field too), and the change notices (合同更改通知单) go to PMC, R&D,
 * production and procurement: on the record and on the contract's timeline. The pack's
 * pages in zh-CN show none of the English catalogue's words in their own texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild, REPO_ROOT } from './support/build-web';
import { startUiServer } from './support/ui-server';
import { englishOnlyWords, untranslatedWords } from './support/untranslated';

const DIAGRAMS = join(REPO_ROOT, 'diagrams', 'contract-review');
const CONTRACT_NO = 'UI-A-1';
const INSTANCE_ID = `contract-review/${CONTRACT_NO}`;
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

describe('amending a contract in the browser, in zh-CN (Chromium, real API)', () => {
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let service: string;
  const pages: WatchedPage[] = [];
  const english = englishOnlyWords();

  async function waitFor<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = 90_000,
  ): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function openTasks(elementId: string, count = 1) {
    return waitFor(`${count} open ${elementId}`, async () => {
      // The contract's tasks are in the stages its instance calls (`<INSTANCE_ID>/Call_…/…`).
      const { body } = await api.call('GET', '/tasks?state=open&limit=200', { token: service });
      const items = body.items as {
        taskId: string;
        instanceId: string;
        elementId: string;
        candidateGroups: string[];
      }[];
      const tasks = items.filter(
        (t) =>
          (t.instanceId === INSTANCE_ID || t.instanceId.startsWith(`${INSTANCE_ID}/`)) &&
          t.elementId === elementId,
      );
      return tasks.length >= count ? tasks : undefined;
    });
  }

  async function complete(
    taskId: string,
    user: string,
    groups: string[],
    variables: Record<string, unknown>,
  ) {
    const res = await api.call('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, {
      token: await api.token(user, groups),
      body: { variables },
    });
    expect(res).toMatchObject({ status: 200 });
  }

  /** The execution stage (cr-execution, an instance the contract's instance called) waits for deliveries or an amendment. */
  const executing = () =>
    waitFor('the contract executing', async () => {
      const { body } = await api.call('GET', `/process-instances?businessKey=${CONTRACT_NO}`, {
        token: service,
      });
      const items = (body.items ?? []) as { instanceId: string; activeElements?: string[] }[];
      return (
        items.some(
          (i) =>
            i.instanceId.startsWith(`${INSTANCE_ID}/`) &&
            i.activeElements?.includes('Gateway_ExecutionEvents'),
        ) || undefined
      );
    });

  async function signIn(user: string, groups: string): Promise<WatchedPage> {
    const w = await watchedPage(browser, ui.origin, { lang: 'zh-CN' });
    pages.push(w);
    await w.page.goto('/login');
    await w.page.locator('#login-user').fill(user);
    await w.page.locator('#login-groups').fill(groups);
    await w.page.locator('#login-user').press('Enter');
    await w.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return w;
  }

  /** The page's own texts carry no English catalogue word. */
  async function allChinese(page: Page, what: string, within?: string) {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    expect({ what, english: await untranslatedWords(page, english, within) }).toEqual({ what, english: [] });
  }

  beforeAll(async () => {
    const dist = ensureWebBuild();
    api = await startApiHarness();
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);
    const owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp', ['service']);
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.form')))
      await api.call('POST', '/forms', { token: owner, body: readFileSync(join(DIAGRAMS, file), 'utf8') });
    for (const file of readdirSync(DIAGRAMS)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()) {
      const deployed = await api.call('POST', '/process-definitions', {
        token: owner,
        body: readFileSync(join(DIAGRAMS, file), 'utf8'),
        contentType: 'application/xml',
      });
      expect(deployed.status).toBe(201);
    }
    // Plenty in stock: a regular contract is signed without a joint review.
    await api.call('PUT', '/parts/HL-100', {
      token: service,
      body: {
        description: 'Head lamp',
        stockQty: 5000,
        leadTimeDays: 3,
        dailyCapacity: 500,
        activeUntil: '2031-12-31',
      },
    });
    await api.call('PUT', '/customers/lumen', {
      token: service,
      body: { name: 'Lumen Trading', oem: false, symbols: [] },
    });
    const created = await api.call('POST', '/contracts', {
      token: service,
      body: {
        contractNo: CONTRACT_NO,
        customerId: 'lumen',
        channel: 'edi',
        documentType: 'order',
        annual: false,
        oemSupply: false,
        automotive: false,
        specialRequirements: [],
        lines: [
          { partNo: 'HL-100', quantity: 300, unitPrice: 12.5, currency: 'CNY', requestedDate: day(20) },
        ],
        delivery: { method: 'DAP', place: 'Lumen warehouse', packaging: 'carton', transport: 'truck' },
        paymentTerms: '60 天',
      },
    });
    expect(created).toMatchObject({ status: 201, body: { instanceId: INSTANCE_ID } });
    const [confirm] = await openTasks('Task_ConfirmClass');
    await complete(confirm.taskId, 'li.na', ['sales'], { contractClass: 'regular' });
    const [sign] = await openTasks('Task_SignContract');
    await complete(sign.taskId, 'li.na', ['sales'], { signatory: 'Li Na', signedOn: day(0) });
    await executing();
    browser = await launchBrowser();
  }, 420_000);

  afterAll(async () => {
    for (const w of pages) await w.page.context().close();
    await browser?.close();
    await ui?.close();
    await api?.close();
  });

  it('sales amends the contract on its page: revision 1 is on record and the review starts again', async () => {
    const w = await signIn('li.na', 'sales');
    const { page } = w;
    await page.goto(`/contracts/${CONTRACT_NO}`);
    await page.locator('#contract-records').waitFor();
    await allChinese(page, 'the contract page');
    const amend = page.locator('#action-amend');
    await amend.locator('[data-field="requestedBy"]').selectOption('customer');
    await amend.locator('[data-field="changes.paymentTerms"]').fill('90 天');
    await amend.locator('[data-field="reason"]').fill('顾客要求延长账期');
    await amend.locator('button[type=submit]').click();
    await page.locator('#toasts .toast-success').first().waitFor();
    const revisions = page.locator('#contract-revisions');
    await revisions.locator('tbody tr').first().waitFor();
    expect(await revisions.locator('tbody tr').first().textContent()).toContain('顾客要求延长账期');
    expect(await revisions.textContent()).toContain('顾客');
    const body = await waitFor('revision 1 recorded', async () => {
      const { body: c } = await api.call('GET', `/contracts/${CONTRACT_NO}`, { token: service });
      return c.revision === 1 ? c : undefined;
    });
    expect(body).toMatchObject({ revision: 1, paymentTerms: '90 天' });
    expect(body.revisions).toEqual([
      expect.objectContaining({ revision: 1, requestedBy: 'customer', recordedBy: 'li.na' }),
    ]);
    expect(w.take()).toEqual([]);
  });

  it('the amended contract is signed again in zh-CN: form-js writes its own texts and dates in Chinese', async () => {
    const [confirm] = await openTasks('Task_ConfirmClass');
    await complete(confirm.taskId, 'li.na', ['sales'], { contractClass: 'regular' });
    const [sign] = await openTasks('Task_SignContract');
    const w = await signIn('li.na', 'sales');
    const { page } = w;
    await page.goto(`/tasks/${encodeURIComponent(sign.taskId)}`);
    await page.locator('#task-form .fjs-form').waitFor();
    const field = (label: RegExp) =>
      page.locator('#task-form .fjs-form-field').filter({
        has: page.locator('.fjs-form-field-label', { hasText: label }),
      });
    const date = field(/^签署日期/)
      .locator('input')
      .first();
    expect(await date.getAttribute('placeholder')).toBe('年/月/日');
    // The form comes filled with the first signature; emptied, form-js's required message is in Chinese.
    const signatory = field(/^签署人/).locator('input');
    await signatory.fill('');
    await page.locator('#task-submit').click();
    await field(/^签署人/)
      .locator('.fjs-form-field-error')
      .getByText('此项必填。')
      .waitFor();
    await allChinese(page, 'the signature form', '#task-form');
    await w.screenshot('pack-task-signature-required-zh-CN');
    // flatpickr's calendar names the months in Chinese.
    await date.click();
    const weekday = page.locator('.flatpickr-calendar.open .flatpickr-weekday').first();
    await weekday.waitFor();
    expect(await weekday.textContent()).toMatch(/周/);
    await field(/^签署人/)
      .locator('input')
      .fill('李娜');
    const [y, m, d] = day(0).split('-');
    await date.fill(`${y}/${m}/${d}`);
    await date.press('Enter');
    await page.locator('#task-submit').click();
    await page.locator('#task-completed').waitFor();
    await executing().catch(() => undefined);
    const { body } = await api.call('GET', `/contracts/${CONTRACT_NO}`, { token: service });
    expect(body.milestones.signature).toMatchObject({ signatory: '李娜' });
    expect(String(body.milestones.signature.signedOn)).toContain(day(0));
    expect(w.take()).toEqual([]);
  });

  it('shows the change notices (合同更改通知单) on the record and the timeline, and each department acknowledges its own', async () => {
    const acks = await openTasks('Task_AcknowledgeChangeNotice', 4);
    expect(acks.map((a) => a.candidateGroups[0]).sort()).toEqual(['pmc', 'procurement', 'production', 'rnd']);
    const w = await signIn('li.na', 'sales');
    const { page } = w;
    await page.goto(`/contracts/${CONTRACT_NO}`);
    const notices = page.locator('#contract-change-notices');
    await notices.getByRole('heading', { name: /合同更改通知单/ }).waitFor();
    expect(await notices.locator('tbody tr').count()).toBe(4);
    expect(await notices.textContent()).toContain('计划物控部');
    expect(await notices.textContent()).toContain('尚未签收');
    const timeline = page.locator('#contract-timeline');
    await timeline.locator('.vis-item.tl-bar[data-element="Task_RecordAmendment"]').first().waitFor();
    await timeline.locator('.vis-item.tl-bar[data-element="Task_IssueChangeNotices"]').first().waitFor();
    await timeline.locator('.vis-label', { hasText: '合同更改通知单' }).first().waitFor();
    await allChinese(page, 'the amended contract page');
    await w.screenshot('pack-contract-amended-zh-CN');

    const pmc = acks.find((a) => a.candidateGroups[0] === 'pmc')!;
    for (const ack of acks.filter((a) => a !== pmc))
      await complete(ack.taskId, `${ack.candidateGroups[0]}.lead`, ack.candidateGroups, {
        acknowledged: true,
      });
    const planner = await signIn('zhou.pmc', 'pmc');
    await planner.page.goto(`/tasks/${encodeURIComponent(pmc.taskId)}`);
    await planner.page.locator('#task-form .fjs-form').waitFor();
    // The task page carries its instance's audit trail: li.na signed in this stage in the browser.
    await planner.page.locator('#task-audit tbody tr').first().waitFor();
    expect(await planner.page.locator('#task-audit').textContent()).toContain('li.na');
    await allChinese(planner.page, 'the change notice form', '#task-form');
    await planner.page.locator('#task-form input[type=checkbox]').first().check();
    await planner.page.locator('#task-submit').click();
    await planner.page.locator('#task-completed').waitFor();
    await executing();
    await page.reload();
    await notices.locator('tbody tr').first().waitFor();
    expect(await notices.textContent()).not.toContain('尚未签收');
    for (const x of [w, planner]) expect(x.take()).toEqual([]);
  });

  it.each([
    ['/contracts', '#contract-ledger'],
    ['/late-orders', 'main h1'],
    ['/csr', 'main h1'],
    ['/calendar', 'main h1'],
    ['/meetings', '#daily-title'],
    ['/kpi', '#kpi-review-lead-time'],
    ['/tasks', 'main h1'],
    ['/instances', 'main h1'],
    ['/processes', 'main h1'],
  ])('%s in zh-CN shows no English catalogue word in its own texts', async (path, ready) => {
    const w = await signIn('li.na', 'sales, pmc, manager');
    await w.page.goto(path);
    await w.page.locator(ready).first().waitFor();
    await allChinese(w.page, path);
    await w.screenshot(`zh-CN${path.replaceAll('/', '-')}`);
    expect(w.take()).toEqual([]);
  });
});
