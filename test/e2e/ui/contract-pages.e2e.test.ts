/**
 * The contract review pack's pages in Chromium (real API, real Temporal, real SMTP server on
 * loopback), in zh-CN and en: a contract is entered on /contracts/new (a refused field shows
 * its message), its tasks reach the inbox, it is reviewed and signed, PMC declares a delay
 * and the warehouse records a late delivery on /contracts/:contractNo, the late order is on
 * /late-orders (CSV), the ledger flags it (CSV), the review record PDF is downloaded and read,
 * a CSR document is received on /csr; mail for the customer and for the department's
 * manager arrives. No console errors. Screenshots of every page in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { UserTaskEntity } from '../../../persistence/entities';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { SmtpSink, startSmtpSink } from '../../support/smtp-sink';
import { launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild, REPO_ROOT } from './support/build-web';
import { startUiServer } from './support/ui-server';

const DIAGRAMS = join(REPO_ROOT, 'diagrams', 'contract-review');
const CONTRACT_NO = 'UI-P-1';
const INSTANCE_ID = `contract-review/${CONTRACT_NO}`;
/** The PDF's text through pdf-parse, in a plain node process (pdf.js loads its worker by dynamic import, which Jest's VM does not allow). */
function pdfText(file: string): string {
  const script =
    "const { PDFParse } = require('pdf-parse'); const fs = require('fs');" +
    'new PDFParse({ data: fs.readFileSync(process.argv[1]) }).getText().then((r) => process.stdout.write(r.text));';
  return execFileSync(process.execPath, ['-e', script, file], { cwd: REPO_ROOT, encoding: 'utf8' });
}

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

describe('pack pages in zh-CN and en: enter, review, sign, deliver late, follow, print (Chromium)', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let service: string;
  let admin: string;
  const pages: WatchedPage[] = [];

  async function waitFor<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = 60_000,
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
      const { body } = await api.call(
        'GET',
        // The contract's tasks are in the stages its instance calls (`<INSTANCE_ID>/Call_…/…`).
        `/tasks?state=open&limit=200`,
        { token: service },
      );
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

  /** The page in the other language too: switch, check <html lang>, screenshot, switch back. */
  async function bothLanguages(w: WatchedPage, name: string, english: RegExp, chinese: RegExp) {
    const page: Page = w.page;
    const heading = page.locator('main h1').first();
    for (let i = 0; i < 2; i++) {
      const lang = await page.evaluate(() => document.documentElement.lang);
      await heading.waitFor();
      expect(await heading.textContent()).toMatch(lang === 'en' ? english : chinese);
      await page.waitForLoadState('networkidle');
      await w.screenshot(`pack-${name}-${lang}`);
      await page.locator('#language-switch').click();
      await page.waitForFunction((before) => document.documentElement.lang !== before, lang);
    }
    expect(w.take()).toEqual([]);
  }

  beforeAll(async () => {
    const dist = ensureWebBuild();
    sink = await startSmtpSink();
    api = await startApiHarness({ SMTP_URL: sink.url, TASK_NOTICE_INTERVAL_SECONDS: '3600' });
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);
    const owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp', ['service']);
    admin = await api.token('admin', ['admin']);
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
    await api.call('PUT', '/parts/TL-300', {
      token: service,
      body: {
        description: 'Tail lamp',
        stockQty: 100,
        leadTimeDays: 5,
        dailyCapacity: 50,
        activeUntil: '2031-12-31',
      },
    });
    await api.call('PUT', '/customers/lumen', {
      token: service,
      body: { name: 'Lumen Trading', oem: false, symbols: [] },
    });
    const addresses: Record<string, string> = {
      'customer:lumen': 'buyer@lumen.test',
      'group:sales': 'sales@plant.test',
      'group:pmc': 'pmc@plant.test',
      'group:production': 'production@plant.test',
      'group:procurement': 'procurement@plant.test',
      'group:production-manager': 'production.manager@plant.test',
      'group:apqp': 'apqp@plant.test',
      'group:manager': 'manager@plant.test',
    };
    for (const [recipient, address] of Object.entries(addresses))
      expect(
        (
          await api.call('PUT', `/mail-addresses/${recipient}`, {
            token: admin,
            body: { addresses: [address] },
          })
        ).status,
      ).toBe(200);
    browser = await launchBrowser();
  }, 420_000);

  afterAll(async () => {
    for (const w of pages) await w.page.context().close();
    await browser?.close();
    await ui?.close();
    await api?.close();
    await sink?.close();
  });

  it('enters a contract on /contracts/new: a refused field shows its message, then it is recorded and shown', async () => {
    const w = await signIn('zh-CN', 'li.na', 'sales');
    const { page } = w;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.locator('nav a[href="/contracts"]').click();
    await page.locator('#contract-ledger, .empty-state').first().waitFor();
    await page.goto('/contracts/new');
    await bothLanguages(w, 'contract-new', /New contract/, /新合同/);
    const form = page.locator('#contract-form');
    await form.locator('[data-field="contractNo"]').fill(CONTRACT_NO);
    await form.locator('[data-field="customerId"]').fill('lumen');
    await form.locator('[data-field="lines.0.partNo"]').fill('TL-300');
    await form.locator('[data-field="lines.0.quantity"]').fill('0');
    await form.locator('[data-field="lines.0.unitPrice"]').fill('30');
    await form.locator('[data-field="lines.0.requestedDate"]').fill(day(7));
    await form.locator('[data-field="delivery.place"]').fill('Lumen warehouse, Shanghai');
    await form.locator('[data-field="delivery.packaging"]').fill('carton');
    await form.locator('[data-field="delivery.transport"]').fill('truck');
    await form.locator('[data-field="paymentTerms"]').fill('60 天');
    await page.locator('#contract-submit').click();
    const refusal = form.locator('.field-error[data-error-for="lines.0.quantity"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('lines.0.quantity');
    expect(await form.locator('[data-field="lines.0.quantity"]').getAttribute('aria-invalid')).toBe('true');
    await w.screenshot('pack-contract-new-refused-zh-CN');

    await form.locator('[data-field="lines.0.quantity"]').fill('600');
    await page.locator('#contract-submit').click();
    await page.waitForURL(`**/contracts/${CONTRACT_NO}`);
    await page.locator('#contract-records').waitFor();
    expect(w.take([/status of 400/])).toEqual([]);
  });

  /** A form-js field by its label (as rendered, i.e. in the page's language). */
  const formField = (page: Page, label: RegExp) =>
    page.locator('#task-form .fjs-form-field').filter({
      has: page.locator('.fjs-form-field-label', { hasText: label }),
    });

  async function openFromInbox(w: WatchedPage, taskId: string) {
    await w.page.goto('/tasks');
    const entry = w.page.locator(`#task-inbox a[href="/tasks/${encodeURIComponent(taskId)}"]`);
    await entry.waitFor();
    await entry.click();
    await w.page.locator('#task-form .fjs-form').waitFor();
  }

  async function pickOption(page: Page, label: RegExp, option: RegExp) {
    const field = formField(page, label);
    await field.locator('.fjs-select-display').click();
    await field.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
  }

  /** A form-js date field takes the date as the UI's language writes it. */
  async function typeDate(page: Page, label: RegExp, iso: string) {
    const text = await page.evaluate((d) => {
      const [y, m, dd] = d.split('-').map(Number);
      return new Date(y, m - 1, dd).toLocaleDateString(document.documentElement.lang, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    }, iso);
    const input = formField(page, label).locator('input').first();
    await input.fill(text);
    await input.press('Enter');
  }

  async function submitTask(w: WatchedPage) {
    await w.page.locator('#task-submit').click();
    await w.page.locator('#task-completed').waitFor();
  }

  it('brings the review to the inbox, where it is reviewed and signed in the browser, in both languages', async () => {
    // Sales confirms the class in zh-CN: the form's labels are the Chinese ones.
    const sales = await signIn('zh-CN', 'li.na', 'sales');
    const [confirm] = await openTasks('Task_ConfirmClass');
    await sales.page.goto('/tasks');
    await sales.page.locator('#task-badge:not([hidden])').waitFor();
    expect(Number(await sales.page.locator('#task-badge').getAttribute('data-open'))).toBeGreaterThanOrEqual(
      1,
    );
    await bothLanguages(sales, 'inbox', /Task inbox/, /任务收件箱/);
    await openFromInbox(sales, confirm.taskId);
    await sales.page.locator('#task-form').getByText('合同类型', { exact: true }).first().waitFor();
    await bothLanguages(sales, 'task-classification', /./, /./);
    expect(await sales.page.locator('#task-form').textContent()).toContain('评审部门（CR-3）');
    await sales.page.getByLabel('常规合同', { exact: true }).check();
    await formField(sales.page, /^理由/).locator('textarea').fill('库存产品 stock part');
    await submitTask(sales);

    // PMC plans the joint review in en.
    const [organise] = await openTasks('Task_OrganiseJointReview');
    const pmc = await signIn('en', 'zhou.pmc', 'pmc');
    await openFromInbox(pmc, organise.taskId);
    await typeDate(pmc.page, /^Review date/, day(0));
    await formField(pmc.page, /^Notes for procurement/)
      .locator('textarea')
      .fill('capacity short');
    await submitTask(pmc);

    const reviews = await openTasks('Task_JointDepartmentReview', 2);
    const byGroup = Object.fromEntries(reviews.map((t) => [t.candidateGroups[0], t]));
    // The production review is left past its due date: its department's manager hears of it.
    await api.dataSource
      .getRepository(UserTaskEntity)
      .update(
        { taskId: byGroup.production.taskId },
        { dueDate: new Date(Date.now() - 3600_000).toISOString() },
      );
    expect((await api.call('POST', '/task-notices/run', { token: admin })).status).toBe(200);
    const escalation = await sink.waitFor(
      (m) => m.to.includes('production.manager@plant.test') && m.subject.includes('Overdue'),
    );
    expect(escalation.subject).toContain('已逾期');
    await sink.waitFor((m) => m.to.includes('production@plant.test') && m.subject.includes('New task'));

    // Production answers its checklist items in zh-CN (only a, e, g are its own).
    const production = await signIn('zh-CN', 'wu.prod', 'production');
    await openFromInbox(production, byGroup.production.taskId);
    await bothLanguages(production, 'task-department-review', /./, /./);
    expect(await formField(production.page, /^b\)/).count()).toBe(0);
    await pickOption(production.page, /^a\) 对采购/, /^接受$/);
    await pickOption(production.page, /^e\) 包装要求/, /^接受$/);
    await pickOption(production.page, /^g\) 新产品合同/, /^不适用$/);
    await formField(production.page, /^评审结论/)
      .getByLabel('接受', { exact: true })
      .check();
    await formField(production.page, /^意见/).locator('textarea').fill('加班生产 second shift');
    await submitTask(production);

    await complete(byGroup.procurement.taskId, 'chen.buyer', ['procurement'], {
      verdict: 'accept',
      a: 'accept',
      comments: 'stock',
    });
    // Sales signs in en.
    const [sign] = await openTasks('Task_SignContract');
    const signer = await signIn('en', 'li.na', 'sales');
    await openFromInbox(signer, sign.taskId);
    // Both languages first: a language switch renders the page again, with an empty form.
    await bothLanguages(signer, 'task-signature', /./, /./);
    await formField(signer.page, /^Signed by/)
      .locator('input')
      .fill('Li Na');
    await typeDate(signer.page, /^Signed on/, day(0));
    await submitTask(signer);
    await waitFor('the contract executing', async () => {
      // The execution stage (cr-execution) is an instance the contract's instance called.
      const { body } = await api.call('GET', `/process-instances?businessKey=${CONTRACT_NO}`, {
        token: service,
      });
      const items = (body.items ?? []) as { instanceId: string; activeElements: string[] }[];
      return (
        items.some(
          (i) =>
            i.instanceId.startsWith(`${INSTANCE_ID}/`) &&
            i.activeElements.includes('Gateway_ExecutionEvents'),
        ) || undefined
      );
    });
    const { body: contract } = await api.call('GET', `/contracts/${CONTRACT_NO}`, { token: service });
    expect(contract.reviews).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          department: 'production',
          verdict: 'accept',
          checklist: expect.objectContaining({ a: 'accept', e: 'accept', g: 'not-applicable' }),
        }),
      ]),
    );
    expect(contract.milestones.signature).toMatchObject({ signatory: 'Li Na' });
    for (const w of [sales, pmc, production, signer]) expect(w.take()).toEqual([]);
  });

  it('PMC declares a delay and the warehouse records a late delivery on the contract page', async () => {
    const pmc = await signIn('zh-CN', 'zhou.pmc', 'pmc');
    await pmc.page.goto(`/contracts/${CONTRACT_NO}`);
    const delay = pmc.page.locator('#action-delay');
    await delay.waitFor();
    expect(await pmc.page.locator('#action-amend').count()).toBe(0);
    await delay.locator('[data-field="reason"]').fill('模具维修 mould repair');
    await delay.locator('[data-field="newDate"]').fill(day(20));
    await delay.locator('button[type=submit]').click();
    await pmc.page.locator('#toasts .toast-success').first().waitFor();
    await waitFor('the late order', async () => {
      const { body } = await api.call('GET', `/contracts/${CONTRACT_NO}`, { token: service });
      return body.lateOrders?.[0]?.instanceId ?? undefined;
    });
    await bothLanguages(pmc, 'contract', /Contract UI-P-1/, /合同 UI-P-1/);

    const warehouse = await signIn('en', 'sun.wh', 'warehouse');
    await warehouse.page.goto(`/contracts/${CONTRACT_NO}`);
    const delivery = warehouse.page.locator('#action-delivery');
    await delivery.waitFor();
    expect(await warehouse.page.locator('#action-delay').count()).toBe(0);
    await delivery.locator('[data-field="quantity"]').fill('600');
    await delivery.locator('[data-field="deliveredAt"]').fill(day(25));
    await delivery.locator('button[type=submit]').click();
    await warehouse.page.locator('#toasts .toast-success').first().waitFor();
    const detail = await waitFor('the delivery on record', async () => {
      const { body } = await api.call('GET', `/contracts/${CONTRACT_NO}`, { token: service });
      return body.deliveries?.length ? body : undefined;
    });
    expect(detail.deliveries[0]).toMatchObject({ quantity: 600, onTime: false, recordedBy: 'sun.wh' });
    expect(warehouse.take()).toEqual([]);
  });

  it('follows the late order on /late-orders and exports the sheet as CSV', async () => {
    const w = await signIn('zh-CN', 'zhou.pmc', 'pmc');
    await w.page.goto('/late-orders');
    const row = w.page.locator('#late-orders tr', {
      has: w.page.locator(`a[href="/contracts/${CONTRACT_NO}"]`),
    });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('模具维修');
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.locator('#late-orders-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('原因 reason');
    expect(csv).toContain(CONTRACT_NO);
    expect(csv).toContain('模具维修 mould repair');
    await bothLanguages(w, 'late-orders', /Late-order tracking sheet/, /掉期订单跟踪表/);
  });

  it('flags the contract late in the ledger, filters and exports it, and downloads the review record PDF', async () => {
    const w = await signIn('en', 'li.na', 'sales');
    await w.page.goto('/contracts?late=true');
    const row = w.page.locator('#contract-ledger tr', {
      has: w.page.locator(`a[href="/contracts/${CONTRACT_NO}"]`),
    });
    await row.waitFor();
    expect(await row.locator('[data-late=true]').count()).toBe(1);
    expect(await row.textContent()).toContain('TL-300 × 600');
    await w.page.goto('/contracts?late=false');
    await w.page.locator('main .empty-state, #contract-ledger').first().waitFor();
    expect(await w.page.locator(`#contract-ledger a[href="/contracts/${CONTRACT_NO}"]`).count()).toBe(0);
    await w.page.goto('/contracts');
    await row.waitFor();
    const [csvDownload] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.locator('#ledger-csv').click(),
    ]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv).toContain(`${CONTRACT_NO},lumen,regular`);
    await bothLanguages(w, 'ledger', /Contract ledger/, /合同台帐/);

    await w.page.goto(`/contracts/${CONTRACT_NO}`);
    const [pdfDownload] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.locator('#review-record-pdf').click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe(`订单评审记录表-${CONTRACT_NO}.pdf`);
    const text = pdfText((await pdfDownload.path())!);
    expect(text).toContain(CONTRACT_NO);
    expect(text).toContain('订单评审记录表');
    expect(text).toContain('wu.prod');
    expect(text).toContain('加班生产');
    expect(text).toContain('Li Na');
    expect(w.take()).toEqual([]);
  });

  it('receives a CSR document with its PDF on /csr, lists it and downloads the same file', async () => {
    const w = await signIn('zh-CN', 'li.na', 'sales');
    await w.page.goto('/csr?customerId=lumen');
    const form = w.page.locator('#csr-receive');
    await form.locator('[data-field="documentId"]').fill('QA-UI-1');
    await form.locator('[data-field="title"]').fill('质量协议 Quality agreement');
    await form.locator('[data-field="version"]').fill('B');
    const pdf = Buffer.from('%PDF-1.4\n% QA-UI-1 rev B\ntrailer << >>\n%%EOF\n');
    await form
      .locator('[data-field="file"]')
      .setInputFiles({ name: '质量协议-B.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.locator('button[type=submit]').click();
    await form.locator('.success-box').waitFor();
    await w.page.locator('#csr-documents').getByText('QA-UI-1').waitFor();
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.locator('#csr-documents .csr-file[data-document="QA-UI-1"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('质量协议-B.pdf');
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);
    await bothLanguages(w, 'csr', /Customer special requirements/, /顾客特殊要求清单/);
  });

  it('shows the KPI page in both languages, its answers typed by the API', async () => {
    const w = await signIn('zh-CN', 'li.na', 'sales');
    await w.page.goto('/kpi');
    await w.page.locator('#kpi-review-lead-time').waitFor();
    await w.page.locator('#kpi-late-by-reason').getByText('模具维修 mould repair').waitFor();
    await bothLanguages(w, 'kpi', /KPIs/, /关键绩效指标/);
  });

  it('mailed the customer through the outbox', async () => {
    const dispatched = await api.call('POST', '/outbox/dispatch', { token: admin });
    expect(dispatched.status).toBe(201);
    const mail = await sink.waitFor((m) => m.to.includes('buyer@lumen.test'));
    expect(mail.subject + mail.text).toContain(CONTRACT_NO);
  });
});
