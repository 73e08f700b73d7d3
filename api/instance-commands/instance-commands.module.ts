import { Global, Module } from '@nestjs/common';
import { ProcessInstancesModule } from '../process-instances/process-instances.module';
import { IdempotentRequests } from './idempotent-requests.service';
import { InstanceCommandDelivery } from './instance-command-delivery.service';
import { InstanceCommandOutbox } from './instance-command-outbox.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';

/** The durable path from API writes to process instances, for every module (global). */
@Global()
@Module({
  imports: [ProcessInstancesModule],
  providers: [InstanceCommandDelivery, InstanceCommandOutbox, OutboxDispatcher, IdempotentRequests],
  exports: [InstanceCommandOutbox, IdempotentRequests],
})
export class InstanceCommandsModule {}
