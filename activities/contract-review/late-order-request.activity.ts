/**
 * CR-12.1: the execution stage (cr-execution) hands a late order to the contract's stage map,
 * whose event subprocess 掉期订单评审 calls late-order. The message goes to the contract's own
 * instance, so the late order runs beside the execution (which goes on, or ends with the
 * delivery or an amendment) exactly as long as it needs.
 */
import { Context } from '@temporalio/activity';
import { messageSignal } from '../../workflows/protocol';
import { loadContract } from './contract-store';
import { badInput, type ContractReviewDeps, type JobHandler, str } from './support';

export const LATE_ORDER_RAISED = 'late-order-raised';
/** The contract's instance subscribes for as long as it runs; the time to live only covers a restart in between. */
const LATE_ORDER_MESSAGE_TTL_MS = 24 * 3600_000;

export function createLateOrderRequestActivities(deps: ContractReviewDeps): Record<string, JobHandler> {
  return {
    'cr-request-late-order-review': async ({ variables, jobKey }) => {
      const contractNo = str(variables, 'contractNo');
      const contract = await deps.dataSource.transaction((em) => loadContract(em, contractNo));
      if (!contract.instanceId)
        throw badInput(`contract ${contractNo} has no instance to review its late order`);
      await Context.current()
        .client.workflow.getHandle(contract.instanceId)
        .signal(messageSignal, {
          name: LATE_ORDER_RAISED,
          correlationKey: contractNo,
          variables: { lateOrder: variables.lateOrder ?? null },
          messageId: jobKey,
          timeToLiveMs: LATE_ORDER_MESSAGE_TTL_MS,
        });
    },
  };
}
