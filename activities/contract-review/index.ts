/** The contract review process pack's activities, by service-task type (zeebe:taskDefinition type). */
import { createCsrActivities } from './csr.activity';
import { createExecutionActivities } from './execution.activity';
import { createIntakeActivities } from './intake.activity';
import { createKpiActivities } from './kpi.activity';
import { createLateOrderActivities } from './late-order.activity';
import { createLateOrderRequestActivities } from './late-order-request.activity';
import { createOutcomeActivities } from './outcome.activity';
import { createReviewActivities } from './review.activity';
import type { ContractReviewDeps, JobHandler } from './support';

export type { ContractReviewDeps } from './support';

export function createContractReviewActivities(deps: ContractReviewDeps): Record<string, JobHandler> {
  return {
    ...createIntakeActivities(deps),
    ...createReviewActivities(deps),
    ...createOutcomeActivities(deps),
    ...createExecutionActivities(deps),
    ...createLateOrderActivities(deps),
    ...createLateOrderRequestActivities(deps),
    ...createCsrActivities(deps),
    ...createKpiActivities(deps),
  };
}
