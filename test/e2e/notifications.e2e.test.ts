/**
 * Notifications that arrive: task notices (new task for your group, due tomorrow, overdue)
 * and the outbox's customer messages go out through nodemailer to a real SMTP server on
 * loopback (smtp-server), addressed through the address book. A recipient without an
 * address keeps the notice pending with the reason until the address is entered; a second
 * run sends nothing twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutbox } from '../../activities/contract-review/records/outbox';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';

const FIXTURES = join(__dirname, 'ui', 'fixtures');
const DAY = 86_400_000;

describe('notifications over SMTP (real SMTP server on loopback)', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let admin: string;
  let owner: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApiHarness({
      SMTP_URL: sink.url,
      SMTP_FROM: 'Plant workflow <workflow@plant.test>',
      TASK_NOTICE_INTERVAL_SECONDS: '3600',
    });
    admin = await api.token('admin', ['admin']);
    owner = await api.token('wang.fang', ['process-owner']);
    const form = await api.call('POST', '/forms', {
      token: owner,
      body: readFileSync(join(FIXTURES, 'ui-order-review.form'), 'utf8'),
    });
    expect(form.status).toBe(201);
    const deployed = await api.call('POST', '/process-definitions', {
      token: owner,
      body: readFileSync(join(FIXTURES, 'UiOrder.review-and-approve.bpmn'), 'utf8'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await sink?.close();
  });

  async function start(businessKey: string, reviewDue: string): Promise<string> {
    const res = await api.call('POST', '/process-instances', {
      token: owner,
      body: { processId: 'ui-order', businessKey, variables: { reviewDue } },
    });
    expect(res.status).toBe(201);
    return res.body.instanceId;
  }

  async function openTask(instanceId: string, elementId: string): Promise<{ taskId: string }> {
    for (let i = 0; i < 200; i++) {
      const res = await api.call('GET', `/tasks?instanceId=${encodeURIComponent(instanceId)}&state=open`, {
        token: admin,
      });
      const task = (res.body.items as { taskId: string; elementId: string }[]).find(
        (t) => t.elementId === elementId,
      );
      if (task) return task;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`no open ${elementId} in ${instanceId}`);
  }

  const run = async () => {
    const res = await api.call('POST', '/task-notices/run', { token: admin });
    expect(res.status).toBe(200);
    return res.body as { written: number; delivered: number };
  };

  it('rejects an address book entry that is not group:, customer: or user:, and bad addresses', async () => {
    const bad = await api.call('PUT', '/mail-addresses/sales', {
      token: admin,
      body: { addresses: ['a@b.test'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('MAIL.BAD_RECIPIENT');
    const notMail = await api.call('PUT', '/mail-addresses/group:sales', {
      token: admin,
      body: { addresses: ['not an address'] },
    });
    expect(notMail.status).toBe(400);
    const sales = await api.token('li.lei', ['sales']);
    const forbidden = await api.call('PUT', '/mail-addresses/group:sales', {
      token: sales,
      body: { addresses: ['sales@plant.test'] },
    });
    expect(forbidden.status).toBe(403);
  });

  it('mails the group of a new task, and says overdue / due tomorrow, once each', async () => {
    const put = await api.call('PUT', '/mail-addresses/group:sales', {
      token: admin,
      body: { addresses: ['sales@plant.test'] },
    });
    expect(put.status).toBe(200);
    const late = await start('N-LATE', new Date(Date.now() - DAY).toISOString());
    const soon = await start('N-SOON', new Date(Date.now() + DAY).toISOString());
    const lateTask = await openTask(late, 'Task_Review');
    const soonTask = await openTask(soon, 'Task_Review');

    await run();
    const forTask = (taskId: string, headline: RegExp) => (m: { text: string; subject: string }) =>
      m.text.includes(`/tasks/${encodeURIComponent(taskId)}`) && headline.test(m.subject);
    const overdue = await sink.waitFor(forTask(lateTask.taskId, /Overdue/));
    expect(overdue.to).toEqual(['sales@plant.test']);
    expect(overdue.from).toBe('workflow@plant.test');
    expect(overdue.subject).toContain('已逾期');
    expect(overdue.subject).toContain('Review order');
    const created = await sink.waitFor(forTask(soonTask.taskId, /New task/));
    expect(created.to).toEqual(['sales@plant.test']);
    expect(created.text).toContain('Asia/Shanghai');
    await sink.waitFor(forTask(soonTask.taskId, /Due tomorrow/));
    await sink.waitFor(forTask(lateTask.taskId, /New task/));
    expect(sink.mails.some(forTask(lateTask.taskId, /Due tomorrow/))).toBe(false);

    const count = sink.mails.length;
    const again = await run();
    expect(again).toEqual({ written: 0, delivered: 0 });
    expect(sink.mails.length).toBe(count);

    const notices = await api.call('GET', `/task-notices?taskId=${encodeURIComponent(lateTask.taskId)}`, {
      token: admin,
    });
    expect(notices.body.map((n: { kind: string }) => n.kind).sort()).toEqual(['new', 'overdue']);
    expect(notices.body.every((n: { channel: string }) => n.channel === 'smtp')).toBe(true);
  });

  it('keeps a notice pending while its group has no address, and sends it once the address is entered', async () => {
    const instanceId = await start('N-PMC', new Date(Date.now() + 5 * DAY).toISOString());
    const review = await openTask(instanceId, 'Task_Review');
    const sales = await api.token('li.lei', ['sales']);
    const done = await api.call('POST', `/tasks/${encodeURIComponent(review.taskId)}/complete`, {
      token: sales,
      body: { variables: { reviewComment: 'ok', feasible: true } },
    });
    expect(done.status).toBe(200);
    const approve = await openTask(instanceId, 'Task_Approve');

    await run();
    const pending = await api.call('GET', `/task-notices?taskId=${encodeURIComponent(approve.taskId)}`, {
      token: admin,
    });
    expect(pending.body).toHaveLength(1);
    expect(pending.body[0].deliveredAt).toBeNull();
    expect(pending.body[0].lastError).toBe('no mail address for group:pmc');

    await api.call('PUT', '/mail-addresses/group:pmc', {
      token: admin,
      body: { addresses: ['pmc@plant.test'] },
    });
    await run();
    const mail = await sink.waitFor((m) => m.text.includes(`/tasks/${encodeURIComponent(approve.taskId)}`));
    expect(mail.to).toEqual(['pmc@plant.test']);
    expect(mail.subject).toContain('Approve order');
  });

  it("delivers the outbox's customer message to the customer's contact address", async () => {
    await api.call('PUT', '/mail-addresses/customer:acme', {
      token: admin,
      body: { addresses: ['buyer@acme.test', 'quality@acme.test'] },
    });
    await api.dataSource.transaction((em) =>
      writeOutbox(
        em,
        {
          id: 'notify-e2e-1',
          kind: 'order-confirmation',
          contractNo: 'N-C-1',
          customerId: 'acme',
          recipients: ['customer:acme'],
          subject: '订单确认 Order confirmation N-C-1',
          body: '您的订单 N-C-1 已确认。',
        },
        new Date().toISOString(),
      ),
    );
    const dispatched = await api.call('POST', '/outbox/dispatch', { token: admin });
    expect(dispatched.status).toBe(201);
    const mail = await sink.waitFor((m) => m.subject === '订单确认 Order confirmation N-C-1');
    expect(mail.to.sort()).toEqual(['buyer@acme.test', 'quality@acme.test']);
    expect(mail.text.trim()).toBe('您的订单 N-C-1 已确认。');
    expect(mail.messageId).toContain('notify-e2e-1');
    const outbox = await api.call('GET', '/outbox?contractNo=N-C-1', { token: admin });
    expect(outbox.body.items[0].channel).toBe('smtp');
    expect(outbox.body.items[0].deliveredAt).not.toBeNull();
  });
});
