/** CR-10 execution and on-time check per delivery, CR-12.1 late orders raised or declared, CR-11 archive. */
import { In, IsNull } from 'typeorm';
import { ContractLineEntity, DeliveryEntity } from '../../persistence/entities/contract-review';
import { localDate } from './domain/dates';
import { lineOnTime } from './domain/on-time';
import { executionState } from './records/execution';
import { contractRetention } from './records/retention';
import { addMilestone, loadContract, updateContract } from './contract-store';
import {
  activityNow,
  badInput,
  type ContractReviewDeps,
  type JobHandler,
  nowIso,
  str,
  today,
} from './support';

export function createExecutionActivities(deps: ContractReviewDeps): Record<string, JobHandler> {
  const { dataSource } = deps;
  const plantDate = (iso: string) => localDate(Date.parse(iso), deps.config.plantTimeZone);
  return {
    'cr-plan-execution': async ({ variables, instanceId }) =>
      dataSource.transaction(async (em) => {
        const contractNo = str(variables, 'contractNo');
        await updateContract(
          em,
          contractNo,
          { status: 'executing', executionInstanceId: instanceId },
          nowIso(),
        );
        return executionState(em, contractNo, activityNow());
      }),

    'cr-check-on-time': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contractNo = str(variables, 'contractNo');
        const delivery = await em.findOneBy(DeliveryEntity, { id: str(variables, 'deliveryId') });
        if (!delivery) throw badInput(`delivery ${String(variables.deliveryId)} is not on record`);
        const line = await em.findOneByOrFail(ContractLineEntity, { contractNo, lineNo: delivery.lineNo });
        const deliveries = await em.find(DeliveryEntity, { where: { contractNo, lineNo: delivery.lineNo } });
        const onTime = plantDate(delivery.deliveredAt) <= line.committedDate;
        if (onTime !== delivery.onTime) await em.update(DeliveryEntity, { id: delivery.id }, { onTime });
        const lineComplete = lineOnTime(
          {
            contractNo,
            lineNo: line.lineNo,
            customerId: delivery.customerId,
            quantity: line.quantity,
            committedDate: line.committedDate,
            deliveries,
          },
          plantDate,
        );
        return {
          ...(await executionState(em, contractNo, activityNow())),
          lastDeliveryOnTime: onTime,
          lineDeliveredOnTime: lineComplete,
        };
      }),

    'cr-raise-late-order': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const day = today(deps);
        const lines = await em.find(ContractLineEntity, {
          where: { contractNo: contract.contractNo, lateRaisedAt: IsNull() },
          order: { lineNo: 'ASC' },
        });
        const overdue = lines.filter((l) => l.deliveredQty < l.quantity && l.committedDate < day);
        if (overdue.length)
          await em.update(
            ContractLineEntity,
            { id: In(overdue.map((l) => l.id)) },
            { lateRaisedAt: nowIso() },
          );
        const state = await executionState(em, contract.contractNo, activityNow());
        if (!overdue.length) return { ...state, lateOrderRaised: false };
        const lateOrder = {
          contractNo: contract.contractNo,
          customerId: contract.customerId,
          lineNos: overdue.map((l) => l.lineNo),
          source: 'auto',
          declaredBy: null,
          reason: 'committed date passed without delivery',
          originalDate: overdue[0].committedDate,
        };
        return { ...state, lateOrderRaised: true, lateOrder };
      }),

    'cr-record-delay': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const delay = (variables.delay ?? {}) as {
          reason?: string;
          newDate?: string;
          declaredBy?: string;
          lineNos?: number[];
        };
        const open = (
          await em.find(ContractLineEntity, {
            where: { contractNo: contract.contractNo },
            order: { lineNo: 'ASC' },
          })
        ).filter(
          (l) => l.deliveredQty < l.quantity && (!delay.lineNos?.length || delay.lineNos.includes(l.lineNo)),
        );
        if (!open.length) throw badInput(`contract ${contract.contractNo} has no open line to delay`);
        const fresh = open.filter((l) => !l.lateRaisedAt);
        if (fresh.length)
          await em.update(ContractLineEntity, { id: In(fresh.map((l) => l.id)) }, { lateRaisedAt: nowIso() });
        const lateOrder = {
          contractNo: contract.contractNo,
          customerId: contract.customerId,
          lineNos: open.map((l) => l.lineNo),
          source: 'declared',
          declaredBy: delay.declaredBy ?? null,
          reason: delay.reason ?? 'declared delay',
          originalDate: open[0].committedDate,
          newDate: delay.newDate ?? null,
        };
        return {
          ...(await executionState(em, contract.contractNo, activityNow())),
          lateOrderRaised: true,
          lateOrder,
          delay: null,
        };
      }),

    'cr-archive-contract': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const archivedOn = today(deps);
        const retention = await contractRetention(em, contract, archivedOn);
        const at = nowIso();
        await addMilestone(
          em,
          contract,
          'archived',
          {
            retentionUntil: retention,
            // null: a part has no end of life yet, so the records are kept until it has one.
            retentionOpen: retention === null,
            // CR-11: research and development (研发部) keeps the records, filed by class.
            keptBy: 'rnd',
            class: contract.contractClass ?? contract.proposedClass,
            newProduct: contract.newProduct,
          },
          at,
        );
        await updateContract(
          em,
          contract.contractNo,
          {
            status: contract.status === 'declined' ? 'declined' : 'completed',
            archivedAt: at,
            retentionUntil: retention,
          },
          at,
        );
        return { retentionUntil: retention };
      }),
  };
}
