import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { messageSignal, type Variables } from '../../workflows/protocol';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/** Passes a domain event (delivery, delay, amendment) to the contract's own instance as a BPMN message. */
@Injectable()
export class ContractSignalService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async send(instanceId: string, name: string, contractNo: string, variables: Variables, messageId: string = randomUUID()): Promise<void> {
    await this.client.workflow.getHandle(instanceId).signal(messageSignal, { name, correlationKey: contractNo, variables, messageId });
  }
}
