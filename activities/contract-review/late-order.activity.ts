/** CR-12: the late-order tracking sheet, daily and weekly meetings, 5D reports; the customer and sales are told each time. */
import type { EntityManager } from 'typeorm';
import {
  FiveDReportEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
} from '../../persistence/entities/contract-review';
import { writeOutbox } from './records/outbox';
import { customerRecipient, groupRecipient } from './contract-store';
import { badInput, type ContractReviewDeps, type JobHandler, nowIso, optStr, str } from './support';

interface LateOrderInput {
  contractNo: string;
  customerId: string;
  lineNos: number[];
  source: 'auto' | 'declared';
  declaredBy?: string | null;
  reason: string;
  originalDate: string;
  newDate?: string | null;
}

async function loadLateOrder(em: EntityManager, instanceId: string): Promise<LateOrderEntity> {
  const row = await em.findOneBy(LateOrderEntity, { id: instanceId });
  if (!row) throw badInput(`late order ${instanceId} is not on record`);
  return row;
}

const tell = (row: LateOrderEntity) => [customerRecipient(row.customerId), groupRecipient('sales')];

export function createLateOrderActivities({ dataSource }: ContractReviewDeps): Record<string, JobHandler> {
  return {
    'lo-open-late-order': async ({ variables, instanceId, jobKey }) =>
      dataSource.transaction(async (em) => {
        const input = variables.lateOrder as LateOrderInput | undefined;
        if (!input?.contractNo) throw badInput('variable lateOrder is missing');
        const at = nowIso();
        if (!(await em.findOneBy(LateOrderEntity, { id: instanceId }))) {
          await em.insert(LateOrderEntity, {
            id: instanceId,
            contractNo: input.contractNo,
            customerId: input.customerId,
            lineNos: input.lineNos,
            source: input.source,
            declaredBy: input.declaredBy ?? null,
            reason: input.reason,
            originalDate: input.originalDate,
            newDate: input.newDate ?? null,
            state: 'open',
            instanceId,
            openedAt: at,
            resolvedAt: null,
          });
        }
        const row = await loadLateOrder(em, instanceId);
        const summary = `lines ${row.lineNos.join(', ')} due ${row.originalDate}: ${row.reason}`;
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'late-order-notice',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: delivery delayed (掉期)`,
            body: summary,
          },
          at,
        );
        return { lateOrderId: row.id, lateOrder: { ...input, summary } };
      }),

    'lo-record-daily-review': async ({ variables, instanceId, jobKey }) =>
      dataSource.transaction(async (em) => {
        const row = await loadLateOrder(em, instanceId);
        const at = nowIso();
        const outcome = str(variables, 'dailyOutcome');
        const newDate = optStr(variables, 'newDate');
        if (!(await em.findOneBy(LateOrderReviewEntity, { id: jobKey }))) {
          await em.insert(LateOrderReviewEntity, {
            id: jobKey,
            lateOrderId: row.id,
            meeting: 'daily',
            reason: str(variables, 'reason'),
            newDate,
            communication: str(variables, 'customerReply'),
            outcome,
            recordedAt: at,
          });
        }
        await em.update(
          LateOrderEntity,
          { id: row.id },
          { newDate: newDate ?? row.newDate, reason: str(variables, 'reason') },
        );
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'late-order-reply',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: new delivery date ${newDate ?? 'open'}`,
            body: str(variables, 'customerReply'),
          },
          at,
        );
      }),

    'lo-escalate-to-weekly': async ({ instanceId }) =>
      dataSource.transaction(async (em) => {
        await em.update(
          LateOrderEntity,
          { id: (await loadLateOrder(em, instanceId)).id },
          { state: 'escalated' },
        );
      }),

    'lo-record-weekly-decision': async ({ variables, instanceId, jobKey }) =>
      dataSource.transaction(async (em) => {
        const row = await loadLateOrder(em, instanceId);
        const at = nowIso();
        const newDate = optStr(variables, 'decidedNewDate');
        const decision = `${str(variables, 'decision')}\nMeasures: ${optStr(variables, 'decisionMeasures') ?? '-'}`;
        if (!(await em.findOneBy(LateOrderReviewEntity, { id: jobKey }))) {
          await em.insert(LateOrderReviewEntity, {
            id: jobKey,
            lateOrderId: row.id,
            meeting: 'weekly',
            reason: row.reason,
            newDate,
            communication: decision,
            outcome: variables.fiveDRequired === true ? '5d' : 'decided',
            recordedAt: at,
          });
        }
        await em.update(LateOrderEntity, { id: row.id }, { newDate: newDate ?? row.newDate });
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'meeting-decision',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: production-sales meeting decision`,
            body: decision,
          },
          at,
        );
        return { fiveDRequired: variables.fiveDRequired === true };
      }),

    'lo-open-5d-report': async ({ instanceId }) =>
      dataSource.transaction(async (em) => {
        const row = await loadLateOrder(em, instanceId);
        const id = `${row.id}/5d`;
        if (!(await em.findOneBy(FiveDReportEntity, { id })))
          await em.insert(FiveDReportEntity, {
            id,
            lateOrderId: row.id,
            contractNo: row.contractNo,
            disciplines: {},
            state: 'open',
            openedAt: nowIso(),
            closedAt: null,
          });
        return { fiveDReportId: id, fiveDClosed: false };
      }),

    'lo-record-5d-report': async ({ variables, instanceId }) =>
      dataSource.transaction(async (em) => {
        const id = `${instanceId}/5d`;
        const closed = variables.fiveDClosed === true;
        const disciplines = Object.fromEntries(
          ['d1Problem', 'd2Containment', 'd3RootCause', 'd4CorrectiveAction', 'd5Verification'].map((k) => [
            k,
            optStr(variables, k) ?? undefined,
          ]),
        );
        await em.update(
          FiveDReportEntity,
          { id },
          { disciplines, ...(closed ? { state: 'closed' as const, closedAt: nowIso() } : {}) },
        );
        return { fiveDClosed: closed };
      }),

    'lo-close-late-order': async ({ instanceId, jobKey }) =>
      dataSource.transaction(async (em) => {
        const row = await loadLateOrder(em, instanceId);
        const at = nowIso();
        await em.update(LateOrderEntity, { id: row.id }, { state: 'resolved', resolvedAt: at });
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'late-order-closed',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: late order resolved`,
            body: `New delivery date ${row.newDate ?? '-'}`,
          },
          at,
        );
      }),
  };
}
