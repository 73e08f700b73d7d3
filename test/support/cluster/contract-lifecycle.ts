/**
 * One contract through the contract-review pack over HTTP, as its users drive it: recorded by
 * the ERP bridge, its tasks completed by the department each belongs to, the delivery posted
 * once it executes, until its instance has ended. Every request is retried on a 5xx or a lost
 * connection with the same body (the product must answer a repeated write with the same result),
 * and a completion retried after its first attempt went through may find the task closed (409). A
 * completion the instance's worker did not apply in time is 202 (recorded, delivered later).
 */
import type { BalancedClient } from './balanced-client';

const enc = encodeURIComponent;
const CHECKLIST = Object.fromEntries('abcdefghi'.split('').map((k) => [k, 'accept']));

/** What each user task of the annual OEM path is completed with, and by whom. */
export const TASK_ANSWERS: Record<string, { user: string; variables: Record<string, unknown> }> = {
  Task_ConfirmClass: {
    user: 'li.na',
    variables: { contractClass: 'non-regular', reviewers: ['sales', 'pmc'], reviewMode: 'meeting' },
  },
  Task_MarkSpecialCharacteristics: {
    user: 'zhao.rnd',
    variables: { specialCharacteristicsNotes: 'no special characteristics on this part' },
  },
  Task_MeetingReview: {
    user: 'zhou.pmc',
    variables: { verdict_sales: 'accept', verdict_pmc: 'accept', ...CHECKLIST, minutes: 'agreed' },
  },
  Task_AgreePriceTerms: {
    user: 'li.na',
    variables: { agreedPriceTerms: '11.80 CNY', agreedPaymentTerms: '90 days' },
  },
  Task_SignAnnual: {
    user: 'wang.gm',
    variables: { signatory: 'Wang Wei', signedOn: '2026-12-01T08:00:00Z' },
  },
};

export const PEOPLE: [string, string[]][] = [
  ['wang.fang', ['process-owner']],
  ['erp', ['service']],
  ['li.na', ['sales']],
  ['zhao.rnd', ['rnd']],
  ['zhou.pmc', ['pmc']],
  ['wang.gm', ['gm']],
  ['wms', ['warehouse']],
];

export function contractRequest(contractNo: string, customerId: string, partNo: string, due: string) {
  return {
    contractNo,
    customerId,
    channel: 'edi',
    documentType: 'contract',
    annual: true,
    oemSupply: true,
    automotive: false,
    specialRequirements: [],
    lines: [{ partNo, quantity: 100, unitPrice: 11.8, currency: 'CNY', requestedDate: due }],
    delivery: { method: 'DAP', place: 'plant', packaging: 'crates', transport: 'truck' },
    paymentTerms: '90 days',
  };
}

/** A write the product accepted: when it was first sent and when it was answered (2xx). */
export interface Progress {
  issuedAt: number;
  at: number;
}

export interface Lifecycle {
  instanceId: string;
  completions: number;
  /** Completions answered 202: recorded, applied after the instance moved to a live worker. */
  pending: number;
  ms: number;
  /** The longest wait for this instance's next task after a completion or the delivery (ms). */
  longestStepMs: number;
}

export async function runContractLifecycle(
  http: BalancedClient,
  tokens: Record<string, string>,
  request: ReturnType<typeof contractRequest>,
  deadlineMs: number,
  onProgress: (p: Progress) => void = () => undefined,
): Promise<Lifecycle> {
  const began = Date.now();
  const deadline = began + deadlineMs;
  let lastStep = began;
  let longestStepMs = 0;
  const stepDone = () => {
    longestStepMs = Math.max(longestStepMs, Date.now() - lastStep);
    lastStep = Date.now();
  };
  const created = await http.call('POST', '/contracts', { token: tokens.erp, body: request });
  if (created.status !== 201)
    throw new Error(`create ${request.contractNo}: ${created.status} ${JSON.stringify(created.body)}`);
  onProgress({ issuedAt: began, at: Date.now() });
  const instanceId: string = created.body.instanceId;
  const done = new Set<string>();
  let delivered = false;
  let completions = 0;
  let pending = 0;
  while (Date.now() < deadline) {
    const instance = await http.call('GET', `/process-instances/${enc(instanceId)}`, {
      token: tokens['wang.fang'],
    });
    if (instance.status === 200 && instance.body.state === 'COMPLETED') {
      stepDone();
      return { instanceId, completions, pending, ms: Date.now() - began, longestStepMs };
    }
    if (instance.status === 200 && instance.body.state !== 'ACTIVE')
      throw new Error(
        `${instanceId} ended ${instance.body.state}: ${JSON.stringify(instance.body.incidents)}`,
      );
    // The contract's tasks are in the stages its instance calls (`<instanceId>/Call_…/…`).
    const tasks = await http.call('GET', `/tasks?state=open&limit=200`, { token: tokens['wang.fang'] });
    const mine = (
      (tasks.body.items ?? []) as { taskId: string; instanceId: string; elementId: string }[]
    ).filter((t) => t.instanceId === instanceId || t.instanceId.startsWith(`${instanceId}/`));
    for (const task of mine) {
      if (done.has(task.taskId)) continue;
      const answer = TASK_ANSWERS[task.elementId];
      if (!answer) throw new Error(`${instanceId}: no answer for task ${task.elementId}`);
      stepDone(); // the task is there: the instance got on to it
      const issuedAt = Date.now();
      const res = await http.call('POST', `/tasks/${enc(task.taskId)}/complete`, {
        token: tokens[answer.user],
        body: { variables: answer.variables },
      });
      // 202: recorded, applied once a worker takes the instance (its worker was killed); 409 after a
      // retry: the first attempt completed it before the connection broke.
      if (res.status === 200 || res.status === 202 || (res.status === 409 && res.attempts > 1)) {
        done.add(task.taskId);
        completions += 1;
        if (res.status === 202) pending += 1;
        onProgress({ issuedAt, at: Date.now() });
        lastStep = Date.now();
      } else if (res.status !== 409) {
        throw new Error(`${task.elementId} of ${instanceId}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    if (!delivered) {
      const contract = await http.call('GET', `/contracts/${enc(request.contractNo)}`, { token: tokens.erp });
      if (contract.body.status === 'executing') {
        const issuedAt = Date.now();
        const res = await http.call('POST', `/contracts/${enc(request.contractNo)}/deliveries`, {
          token: tokens.wms,
          body: {
            deliveryNoteNo: `DN-${request.contractNo}`,
            partNo: request.lines[0].partNo,
            quantity: request.lines[0].quantity,
            deliveredAt: new Date().toISOString(),
          },
        });
        if (res.status !== 201 && res.status !== 200)
          throw new Error(`delivery of ${request.contractNo}: ${res.status} ${JSON.stringify(res.body)}`);
        delivered = true;
        onProgress({ issuedAt, at: Date.now() });
        lastStep = Date.now();
      }
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(`${instanceId} did not end in time`);
}
