/** CR-12: the late-order tracking sheet, daily and weekly meetings, 5D reports; the customer and sales are told each time. */
import { type EntityManager, In } from 'typeorm';
import {
  ContractLineEntity,
  FiveDReportEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
} from '../../persistence/entities/contract-review';
import { localDateTime } from './domain/dates';
import {
  afterDailyReview,
  DAILY_OUTCOMES,
  type DailyOutcome,
  keepsEscalated,
  lateAgain,
  WEEKLY_DECISIONS,
  type WeeklyDecision,
} from './domain/late-order-rules';
import { nextMeetingAt, nextWeeklyMeetingAt } from './domain/working-days';
import { completedBy } from './records/completed-by';
import { writeOutbox } from './records/outbox';
import { loadWorkingCalendar } from './records/plant-calendar';
import { customerRecipient, groupRecipient } from './contract-store';
import {
  activityNow,
  badInput,
  type ContractReviewDeps,
  type JobHandler,
  nowIso,
  optStr,
  str,
  today,
} from './support';

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

/** The user tasks whose completion each record stands for ("who did it"). */
const DAILY_REVIEW_TASK = 'Task_DailyReview';
const WEEKLY_DECISION_TASK = 'Task_WeeklyDecision';

/** Every late line delivered in full. */
async function lateLinesDelivered(em: EntityManager, row: LateOrderEntity): Promise<boolean> {
  const lines = await em.find(ContractLineEntity, {
    where: { contractNo: row.contractNo, lineNo: In(row.lineNos) },
  });
  return lines.length > 0 && lines.every((l) => l.deliveredQty >= l.quantity);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && !!v) : [];

export function createLateOrderActivities(deps: ContractReviewDeps): Record<string, JobHandler> {
  const { dataSource } = deps;
  const plantNow = () => localDateTime(activityNow(), deps.config.plantTimeZone);
  const nextDaily = async (em: EntityManager) => nextMeetingAt(await loadWorkingCalendar(em), plantNow());
  const nextWeekly = async (em: EntityManager) =>
    nextWeeklyMeetingAt(await loadWorkingCalendar(em), plantNow());
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
        return {
          lateOrderId: row.id,
          lateOrder: { ...input, summary },
          lateOrderOpen: true,
          escalated: row.state === 'escalated',
          nextDailyMeetingAt: await nextDaily(em),
        };
      }),

    'lo-record-daily-review': async ({ variables, instanceId, jobKey }) =>
      dataSource.transaction(async (em) => {
        const row = await loadLateOrder(em, instanceId);
        const at = nowIso();
        const day = today(deps);
        const raw = str(variables, 'dailyOutcome');
        // 'resolved' is the old form's word: it closes nothing by itself now, delivery does.
        const outcome: DailyOutcome = (DAILY_OUTCOMES as readonly string[]).includes(raw)
          ? (raw as DailyOutcome)
          : 'continue';
        const newDate = optStr(variables, 'newDate')?.slice(0, 10) ?? null;
        const reason = str(variables, 'reason');
        const who = await completedBy(em, instanceId, DAILY_REVIEW_TASK);
        const delivered = await lateLinesDelivered(em, row);
        // The date promised at an earlier review passed undelivered: late again, back on the list.
        const again = lateAgain(row.newDate, day, delivered) && row.lateAgainAt?.slice(0, 10) !== day;
        const next = afterDailyReview({ outcome, delivered, escalated: row.state === 'escalated' });
        if (!(await em.findOneBy(LateOrderReviewEntity, { id: jobKey }))) {
          await em.insert(LateOrderReviewEntity, {
            id: jobKey,
            lateOrderId: row.id,
            meeting: 'daily',
            reason,
            newDate,
            communication: str(variables, 'customerReply'),
            outcome: next.resolution ?? outcome,
            recordedAt: at,
            reviewedBy: who?.by ?? null,
            reviewedAt: who?.at ?? null,
            attendees: strings(variables.attendees),
            chair: who?.by ?? null,
          });
          await em.update(
            LateOrderEntity,
            { id: row.id },
            {
              newDate: newDate ?? row.newDate,
              reason,
              ...(again ? { timesLate: row.timesLate + 1, lateAgainAt: at } : {}),
            },
          );
        }
        const lines = [
          `原因 Reason: ${reason}`,
          `新交期 New delivery date: ${newDate ?? '-'}`,
          again ? `再次掉期 Late again: the date promised before (${row.newDate}) has passed.` : null,
          str(variables, 'customerReply'),
        ].filter(Boolean);
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'late-order-reply',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: new delivery date ${newDate ?? 'open'}`,
            body: lines.join('\n'),
          },
          at,
        );
        return {
          lateOrderOpen: next.lateOrderOpen,
          escalateNow: next.escalateNow,
          lateAgain: again,
          resolution: next.resolution,
          nextDailyMeetingAt: await nextDaily(em),
        };
      }),

    'lo-escalate-to-weekly': async ({ instanceId }) =>
      dataSource.transaction(async (em) => {
        await em.update(
          LateOrderEntity,
          { id: (await loadLateOrder(em, instanceId)).id },
          { state: 'escalated' },
        );
        return { escalated: true, nextWeeklyMeetingAt: await nextWeekly(em) };
      }),

    'lo-record-weekly-decision': async ({ variables, instanceId, jobKey }) =>
      dataSource.transaction(async (em) => {
        const row = await loadLateOrder(em, instanceId);
        const at = nowIso();
        const raw = optStr(variables, 'weeklyDecision') ?? 'new-date';
        if (!(WEEKLY_DECISIONS as readonly string[]).includes(raw))
          throw badInput(`weeklyDecision '${raw}' is not one of ${WEEKLY_DECISIONS.join(', ')}`);
        const decision = raw as WeeklyDecision;
        const newDate = optStr(variables, 'decidedNewDate')?.slice(0, 10) ?? null;
        const who = await completedBy(em, instanceId, WEEKLY_DECISION_TASK);
        const text = `${decision}: ${str(variables, 'decision')}\nMeasures: ${optStr(variables, 'decisionMeasures') ?? '-'}`;
        const keep = keepsEscalated(decision);
        if (!(await em.findOneBy(LateOrderReviewEntity, { id: jobKey }))) {
          await em.insert(LateOrderReviewEntity, {
            id: jobKey,
            lateOrderId: row.id,
            meeting: 'weekly',
            reason: row.reason,
            newDate,
            communication: text,
            outcome: decision,
            recordedAt: at,
            reviewedBy: who?.by ?? null,
            reviewedAt: who?.at ?? null,
            attendees: strings(variables.attendees),
            chair: who?.by ?? null,
          });
          // The meeting decides; it does not close the late order: PMC's daily review goes on
          // until the order is delivered or closed. Off the weekly agenda unless kept there.
          await em.update(
            LateOrderEntity,
            { id: row.id },
            { newDate: newDate ?? row.newDate, lastDecision: decision, state: keep ? 'escalated' : 'open' },
          );
        }
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'meeting-decision',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: production-sales meeting decision`,
            body: text,
          },
          at,
        );
        return {
          weeklyDecision: decision,
          keepEscalated: keep,
          escalated: keep,
          fiveDRequired: variables.fiveDRequired === true,
          nextWeeklyMeetingAt: await nextWeekly(em),
        };
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
        const resolution = (await lateLinesDelivered(em, row)) ? 'delivered' : 'closed';
        await em.update(LateOrderEntity, { id: row.id }, { state: 'resolved', resolvedAt: at, resolution });
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'late-order-closed',
            contractNo: row.contractNo,
            customerId: row.customerId,
            recipients: tell(row),
            subject: `Order ${row.contractNo}: late order resolved`,
            body:
              resolution === 'delivered' ? 'Delivered.' : `Closed. Last delivery date ${row.newDate ?? '-'}`,
          },
          at,
        );
      }),
  };
}
