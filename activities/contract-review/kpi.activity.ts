/** CR-10: on-time delivery rate per month against the target; a miss opens a corrective/preventive action plan. */
import { ActionPlanEntity, KpiTargetEntity } from '../../persistence/entities/contract-review';
import { addDays, lastDayOfMonth, localDate } from './domain/dates';
import { DEFAULT_ON_TIME_TARGET, onTimeRates } from './domain/on-time';
import { loadDueLines } from './records/execution';
import {
  activityNow,
  badInput,
  type ContractReviewDeps,
  type JobHandler,
  nowIso,
  optStr,
  str,
} from './support';

export const ON_TIME_KPI = 'on-time-delivery';

/** The month before the one `date` falls in: `2026-12-15` → `2026-11`. */
export function previousMonth(date: string): string {
  return addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}

export function createKpiActivities(deps: ContractReviewDeps): Record<string, JobHandler> {
  const { dataSource } = deps;
  return {
    'kpi-compute-on-time-delivery': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const period =
          optStr(variables, 'period') ?? previousMonth(localDate(activityNow(), deps.config.plantTimeZone));
        if (!/^\d{4}-\d{2}$/.test(period)) throw badInput(`period must be YYYY-MM, got ${period}`);
        const target =
          (await em.findOneBy(KpiTargetEntity, { kpi: ON_TIME_KPI }))?.target ?? DEFAULT_ON_TIME_TARGET;
        const last = lastDayOfMonth(period);
        const lines = await loadDueLines(em, `${period}-01`, last);
        const [rate] = onTimeRates(lines, 'month', target, (iso) =>
          localDate(Date.parse(iso), deps.config.plantTimeZone),
        );
        const kpi = {
          period,
          due: rate?.due ?? 0,
          onTime: rate?.onTime ?? 0,
          rate: rate?.rate ?? null,
          ratePercent: rate?.rate == null ? null : Math.round(rate.rate * 1000) / 10,
          targetPercent: Math.round(target * 1000) / 10,
        };
        const missed = rate?.targetMet === false;
        let actionPlanId: string | null = null;
        if (missed) {
          actionPlanId = `${ON_TIME_KPI}/${period}`;
          if (!(await em.findOneBy(ActionPlanEntity, { id: actionPlanId }))) {
            await em.insert(ActionPlanEntity, {
              id: actionPlanId,
              kpi: ON_TIME_KPI,
              period,
              rate: rate!.rate!,
              target,
              owner: null,
              actions: [],
              dueDate: null,
              rootCause: null,
              state: 'open',
              openedAt: nowIso(),
              closedAt: null,
              effectiveness: null,
            });
          }
        }
        return { kpi, targetMissed: missed, actionPlanId };
      }),

    'kpi-record-action-plan': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const id = str(variables, 'actionPlanId');
        const dueDate = str(variables, 'planDueDate');
        await em.update(
          ActionPlanEntity,
          { id },
          {
            owner: str(variables, 'planOwner'),
            actions: str(variables, 'planActions')
              .split('\n')
              .map((a) => a.trim())
              .filter(Boolean),
            dueDate,
            rootCause: optStr(variables, 'planRootCause'),
            state: 'planned',
          },
        );
        return { actionPlan: { id, dueDate } };
      }),

    'kpi-close-action-plan': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        await em.update(
          ActionPlanEntity,
          { id: str(variables, 'actionPlanId') },
          { state: 'closed', closedAt: nowIso(), effectiveness: optStr(variables, 'planEffectiveness') },
        );
      }),
  };
}
