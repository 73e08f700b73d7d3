/**
 * The contract pack in the web UI (real headless Chromium, real API): a contract reviewed
 * jointly by procurement and production, signed, then declared late. Its instance view
 * shows the contract's records (class, reviews with each checklist item's verdict, late
 * order, communications, retention), its timeline has a bar per task from created to
 * completed and the late-order process it called nested under it; the KPI page charts the
 * review lead time per department; the instance list reads the step from the listing.
 * Screenshots go to test-artifacts/ui/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { ARTIFACTS, launchBrowser, watchedPage, type WatchedPage } from './support/browser';
import { ensureWebBuild, REPO_ROOT } from './support/build-web';
import { startUiServer } from './support/ui-server';

const DIAGRAMS = join(REPO_ROOT, 'diagrams', 'contract-review');
const CONTRACT_NO = 'UI-C-1';
const INSTANCE_ID = `contract-review/${CONTRACT_NO}`;

describe('web UI: a contract, its records, timeline and KPIs (Chromium, real API)', () => {
  let api: ApiHarness;
  let ui: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let w: WatchedPage;
  let service: string;
  let lateOrderInstance: string;

  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

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
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function openTasks(
    elementId: string,
    count = 1,
  ): Promise<{ taskId: string; candidateGroups: string[] }[]> {
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
    }).catch(async (error: Error) => {
      const { body } = await api.call('GET', `/process-instances/${encodeURIComponent(INSTANCE_ID)}`, {
        token: service,
      });
      throw new Error(
        `${error.message}; the instance is at ${JSON.stringify(body.activeElements)}, open tasks ${JSON.stringify(body.openTasks?.map((t: { elementId: string }) => t.elementId))}, incidents ${JSON.stringify(body.incidents)}, timeline ${JSON.stringify((await api.call('GET', `/process-instances/${encodeURIComponent(INSTANCE_ID)}/timeline`, { token: service })).body.slice(-6))}`,
      );
    });
  }

  async function complete(
    taskId: string,
    user: string,
    groups: string[],
    variables: Record<string, unknown>,
  ): Promise<void> {
    const token = await api.token(user, groups);
    const res = await api.call('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, {
      token,
      body: { variables },
    });
    expect(res).toMatchObject({ status: 200 });
  }

  beforeAll(async () => {
    const dist = ensureWebBuild();
    api = await startApiHarness();
    ui = await startUiServer(dist, new URL(api.baseUrl).origin);
    const owner = await api.token('wang.fang', ['process-owner']);
    service = await api.token('erp', ['service']);
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.form'))) {
      await api.call('POST', '/forms', { token: owner, body: readFileSync(join(DIAGRAMS, file), 'utf8') });
    }
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
    // 100 in stock, 5 days lead time, 50 a day: 600 pieces in 7 days need a joint review.
    expect(
      (
        await api.call('PUT', '/parts/TL-200', {
          token: service,
          body: {
            description: 'Tail lamp, small stock',
            stockQty: 100,
            leadTimeDays: 5,
            dailyCapacity: 50,
            activeUntil: '2031-12-31',
          },
        })
      ).status,
    ).toBeLessThan(300);
    expect(
      (
        await api.call('PUT', '/customers/lumen', {
          token: service,
          body: { name: 'Lumen Trading', oem: false, symbols: [] },
        })
      ).status,
    ).toBeLessThan(300);
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
        specialRequirements: [
          { text: 'Reflector marked per drawing', sourceDocument: 'Drawing TL-200 rev C', symbol: 'S' },
        ],
        lines: [{ partNo: 'TL-200', quantity: 600, unitPrice: 30, currency: 'CNY', requestedDate: day(7) }],
        delivery: {
          method: 'DAP',
          place: 'Lumen warehouse, Shanghai',
          packaging: 'carton, 20 per box',
          transport: 'truck, seller pays',
        },
        paymentTerms: '60 days net',
      },
    });
    expect(created).toMatchObject({ status: 201, body: { instanceId: INSTANCE_ID } });

    const [confirm] = await openTasks('Task_ConfirmClass');
    await complete(confirm.taskId, 'li.na', ['sales'], {
      contractClass: 'regular',
      overrideReason: 'the marking is on the running drawing',
    });
    const [organise] = await openTasks('Task_OrganiseJointReview');
    await complete(organise.taskId, 'zhou.pmc', ['pmc'], {
      jointReviewDate: day(0),
      jointReviewNotes: 'capacity short by 8 days',
    });
    const reviews = await openTasks('Task_JointDepartmentReview', 2);
    const byGroup = Object.fromEntries(reviews.map((t) => [t.candidateGroups[0], t]));
    await complete(byGroup.production.taskId, 'wu.prod', ['production'], {
      verdict: 'accept',
      a: 'accept',
      e: 'accept',
      g: 'not-applicable',
      comments: 'second shift',
    });
    await complete(byGroup.procurement.taskId, 'chen.buyer', ['procurement'], {
      verdict: 'accept',
      a: 'accept',
      comments: 'LED boards from stock',
    });
    const [sign] = await openTasks('Task_SignContract');
    await complete(sign.taskId, 'li.na', ['sales'], { signatory: 'Li Na', signedOn: day(0) });
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
    const delay = await api.call('POST', `/contracts/${CONTRACT_NO}/delays`, {
      token: await api.token('zhou.pmc', ['pmc']),
      body: { reason: 'mould repair', newDate: day(12) },
    });
    expect(delay.status).toBeLessThan(300);
    lateOrderInstance = await waitFor('the late-order instance', async () => {
      const { body } = await api.call('GET', `/contracts/${CONTRACT_NO}`, { token: service });
      return body.lateOrders?.[0]?.instanceId ?? undefined;
    });
    // The called process opened its tracking-sheet row and waits for the daily meeting.
    await waitFor('the late order waiting for its daily meeting', async () => {
      const { body } = await api.call('GET', `/process-instances/${encodeURIComponent(lateOrderInstance)}`, {
        token: service,
      });
      return body.activeElements?.includes('Catch_DailyMeeting') || undefined;
    });

    browser = await launchBrowser();
    w = await watchedPage(browser, ui.origin);
    await w.page.goto('/login');
    await w.page.fill('input[name=user]', 'wang.fang');
    await w.page.fill('input[name=groups]', 'process-owner, manager');
    await w.page.click('form button[type=submit]');
    await w.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    // Web build, 13 diagrams deployed, a contract through five stages: minutes on a loaded machine.
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    await api?.close();
  });

  afterEach(() => {
    expect(w.take()).toEqual([]);
  });

  it('shows the contract records on the contract-review instance: class, reviews per checklist item, special characteristics, late order, communications, retention', async () => {
    const { page } = w;
    await page.goto(`/instances/${encodeURIComponent(INSTANCE_ID)}`);
    const records = page.locator('#contract-records');
    await records.getByRole('heading', { name: `Contract ${CONTRACT_NO}: records` }).waitFor();
    expect(await page.locator('#contract-class').textContent()).toBe('regular (confirmed)');
    expect(await page.locator('#contract-retention').textContent()).toContain('open');
    const production = page.locator('#contract-reviews tr[data-department="production"]');
    expect(await production.locator('td[data-item="e"]').getAttribute('class')).toContain('verdict-accept');
    expect(await production.locator('td[data-item="g"]').getAttribute('class')).toContain(
      'verdict-not-applicable',
    );
    expect(
      await page
        .locator('#contract-reviews tr[data-department="procurement"] td[data-item="a"]')
        .textContent(),
    ).toContain('accept');
    expect(await page.locator('#contract-special').textContent()).toContain('Reflector marked per drawing');
    expect(await page.locator('#contract-lines').textContent()).toContain('TL-200');
    await page
      .locator('#contract-late-orders .late-order')
      .getByText('mould repair', { exact: false })
      .waitFor();
    await page.locator('#contract-communications tbody tr').first().waitFor();
    for (const id of [
      '#contract-revisions',
      '#contract-measures',
      '#contract-change-notices',
      '#contract-deliveries',
    ])
      await page.locator(id).waitFor();
    await page.locator('#contract-records').scrollIntoViewIfNeeded();
    await w.screenshot('20-contract-records');
  });

  it('draws each task as a bar from created to completed, and the called late-order process nested under the contract', async () => {
    const { page } = w;
    await page.goto(`/instances/${encodeURIComponent(INSTANCE_ID)}`);
    const timeline = page.locator('#instance-timeline');
    await timeline.locator('.vis-item.tl-bar.tl-userTask.tl-task-completed').first().waitFor();
    const bars = await timeline.locator('.vis-item.vis-range.tl-bar').evaluateAll((els) =>
      els.map((el) => ({
        cls: el.className,
        element: el.getAttribute('data-element'),
        instance: el.getAttribute('data-instance'),
        start: el.getAttribute('data-startiso'),
        end: el.getAttribute('data-endiso'),
      })),
    );
    const userTasks = bars.filter((b) => b.cls.includes('tl-userTask') && b.end);
    expect(userTasks.map((b) => b.element)).toEqual(
      expect.arrayContaining([
        'Task_ConfirmClass',
        'Task_OrganiseJointReview',
        'Task_JointDepartmentReview',
        'Task_SignContract',
      ]),
    );
    for (const bar of userTasks) expect(Date.parse(bar.start!)).toBeLessThan(Date.parse(bar.end!));
    expect(bars.some((b) => b.cls.includes('tl-serviceTask') && b.end)).toBe(true);
    // Only work is a bar: no gateway or event shows as one.
    expect(
      bars.every((b) =>
        /tl-(process|userTask|serviceTask|sendTask|scriptTask|receiveTask|subProcess|callActivity|task|manualTask|businessRuleTask)\b/.test(
          b.cls,
        ),
      ),
    ).toBe(true);
    expect(bars.find((b) => b.element === 'Call_LateOrder')).toBeDefined();

    // The late-order instance it called: a nested row, with its own bars inside.
    const called = timeline.locator('.vis-label.vis-nested-group.tl-group-called');
    const lateOrderGroup = called.filter({ hasText: 'late-order' }).first();
    await lateOrderGroup.waitFor();
    expect(await lateOrderGroup.textContent()).toContain('late-order');
    // and the stages it called: receipt, the regular review, sending, execution
    expect(await called.filter({ hasText: 'cr-regular-review' }).count()).toBeGreaterThan(0);
    await timeline.locator(`.vis-item.tl-bar[data-element="Task_OpenLateOrder"]`).first().waitFor();
    const child = await timeline
      .locator('.vis-item.tl-bar[data-element="Task_OpenLateOrder"]')
      .first()
      .getAttribute('data-instance');
    expect(child).toBe(lateOrderInstance);
    expect(child!.startsWith(`${INSTANCE_ID}/Call_LateOrder/`)).toBe(true);
    // today and the committed date of the line are marked
    expect(await timeline.locator('.vis-custom-time').count()).toBeGreaterThanOrEqual(2);
    await w.screenshot('21-contract-timeline');
    await timeline.screenshot({ path: join(ARTIFACTS, '21b-contract-timeline-close-up.png') });
  });

  it('charts the review lead time per department on the KPI page', async () => {
    const { page } = w;
    await page.goto('/kpi');
    const section = page.locator('#kpi-review-lead-time');
    await section.waitFor();
    await w.screenshot('22-kpi-review-lead-time');
    await section.locator('#review-lead-time-chart svg').waitFor();
    const table = section.getByRole('table', { name: 'Review lead time per department' });
    await table.getByRole('cell', { name: 'production', exact: true }).waitFor();
    await table.getByRole('cell', { name: 'procurement', exact: true }).waitFor();
    expect(await section.locator('#review-lead-time-chart').getAttribute('aria-label')).toMatch(
      /procurement \d+(\.\d+)? h/,
    );
    await w.screenshot('22-kpi-review-lead-time');

    const { body } = await api.call('GET', '/kpi/review-lead-time', { token: service });
    expect(body.departments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ department: 'production', reviews: 1, open: 0 }),
        expect.objectContaining({ department: 'procurement', reviews: 1 }),
      ]),
    );
    const docs = await api.call('GET', '/docs/openapi.json');
    expect(Object.keys(docs.body.paths)).toContain('/api/kpi/review-lead-time');
  });

  it('lists the instances with the step read from the listing: a snapshot only for active instances', async () => {
    const { page } = w;
    const snapshotReads: string[] = [];
    const onRequest = (req: { url(): string }) => {
      const path = new URL(req.url()).pathname;
      if (/^\/api\/process-instances\/[^/]+$/.test(path))
        snapshotReads.push(decodeURIComponent(path.slice('/api/process-instances/'.length)));
    };
    page.on('request', onRequest);
    await page.goto(`/instances?businessKey=${CONTRACT_NO}`);
    const row = page.locator('table[aria-label=Instances] tr', {
      has: page.locator(`a[href="/instances/${encodeURIComponent(INSTANCE_ID)}"]`),
    });
    await row.locator('.facts .step').waitFor();
    const childRow = page.locator('table[aria-label=Instances] tr', {
      has: page.locator(`a[href="/instances/${encodeURIComponent(lateOrderInstance)}"]`),
    });
    await childRow
      .locator('.facts .step')
      .getByText(/Daily order review meeting/)
      .waitFor();
    await page.waitForLoadState('networkidle');
    page.off('request', onRequest);
    const listing = await api.call('GET', `/process-instances?businessKey=${CONTRACT_NO}`, {
      token: service,
    });
    const items = listing.body.items as { instanceId: string; state: string; activeElements: string[] }[];
    expect(items.find((i) => i.instanceId === lateOrderInstance)?.activeElements).toContain(
      'Catch_DailyMeeting',
    );
    const active = items.filter((i) => i.state === 'ACTIVE').map((i) => i.instanceId);
    expect(snapshotReads.sort()).toEqual(active.sort());
    await w.screenshot('23-instances-contract');
  });
});
