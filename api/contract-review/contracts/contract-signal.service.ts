import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContractEntity } from '../../../persistence/entities/contract-review';
import type { Variables } from '../../../workflows/protocol';
import { InstanceCommandOutbox } from '../../instance-commands/instance-command-outbox.service';

/**
 * How long the instance keeps a contract event that arrives while it is not at its execution
 * gateway (checking the previous delivery, raising a late order): without it a delivery,
 * delay or amendment posted in that moment would be dropped although the API accepted it.
 */
export const CONTRACT_EVENT_TTL_MS = 24 * 3600_000;

/**
 * The instance that takes a contract's deliveries, delays and amendments: its called execution
 * stage (cr-execution, recorded by cr-plan-execution), or the contract's own instance before that.
 */
export function executionInstance(
  contract: Pick<ContractEntity, 'instanceId' | 'executionInstanceId'>,
): string {
  return contract.executionInstanceId ?? contract.instanceId!;
}

/**
 * The instance that waits for the customer's confirmation of a telephone memo: the called
 * receipt stage (cr-receipt, recorded by cr-record-telephone-memo), or the contract's own instance.
 */
export function receiptInstance(contract: Pick<ContractEntity, 'instanceId' | 'receiptInstanceId'>): string {
  return contract.receiptInstanceId ?? contract.instanceId!;
}

/**
 * Passes a domain event (delivery, delay, amendment) to the contract's own instance as a BPMN
 * message, through the instance-command outbox: recorded in the transaction of the rows it
 * announces, so a row never exists without its event (nor the other way round), and
 * delivered until Temporal accepts it. The messageId comes from the event's key.
 */
@Injectable()
export class ContractSignalService {
  constructor(private readonly outbox: InstanceCommandOutbox) {}

  /** Records the event inside `em`'s transaction; pass the returned id to `deliver` after commit. */
  record(
    em: EntityManager,
    instanceId: string,
    name: string,
    contractNo: string,
    variables: Variables,
    messageId: string,
  ): Promise<string> {
    return this.outbox.record(em, {
      kind: 'message',
      workflowId: instanceId,
      message: {
        name,
        correlationKey: contractNo,
        variables,
        messageId,
        timeToLiveMs: CONTRACT_EVENT_TTL_MS,
      },
    });
  }

  /** Delivers now what was recorded; what Temporal does not take yet stays queued for the dispatcher. */
  async deliver(ids: string[]): Promise<void> {
    await this.outbox.deliver(ids);
  }
}
