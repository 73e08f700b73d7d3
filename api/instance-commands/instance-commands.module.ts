import { Global, Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module';
import { ProcessInstancesModule } from '../process-instances/process-instances.module';
import { SignalBroadcaster } from '../signals/signal-broadcaster.service';
import { IdempotentRequests } from './idempotent-requests.service';
import { InstanceCommandDelivery } from './instance-command-delivery.service';
import { InstanceCommandOutbox } from './instance-command-outbox.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';

/** The durable path from API writes to process instances, for every module (global). */
@Global()
@Module({
  imports: [ProcessInstancesModule, ProcessDefinitionsModule],
  providers: [
    SignalBroadcaster,
    InstanceCommandDelivery,
    InstanceCommandOutbox,
    OutboxDispatcher,
    IdempotentRequests,
  ],
  exports: [InstanceCommandOutbox, IdempotentRequests],
})
export class InstanceCommandsModule {}
