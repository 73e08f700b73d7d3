import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { messageSignal, type Variables } from '../../../workflows/protocol';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module';

/**
 * How long the instance keeps a contract event that arrives while it is not at its execution
 * gateway (checking the previous delivery, raising a late order): without it a delivery,
 * delay or amendment posted in that moment would be dropped although the API accepted it.
 */
export const CONTRACT_EVENT_TTL_MS = 24 * 3600_000;

/** Passes a domain event (delivery, delay, amendment) to the contract's own instance as a BPMN message. */
@Injectable()
export class ContractSignalService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async send(
    instanceId: string,
    name: string,
    contractNo: string,
    variables: Variables,
    messageId: string = randomUUID(),
  ): Promise<void> {
    await this.client.workflow.getHandle(instanceId).signal(messageSignal, {
      name,
      correlationKey: contractNo,
      variables,
      messageId,
      timeToLiveMs: CONTRACT_EVENT_TTL_MS,
    });
  }
}
