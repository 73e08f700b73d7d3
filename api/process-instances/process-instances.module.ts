import { Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module';
import { CancelInstanceService } from './cancel-instance.service';
import { InstanceQueries } from './instance-queries.service';
import { KeyedStartService } from './keyed-start.service';
import { IdempotentRequests } from '../instance-commands/idempotent-requests.service';
import { ProcessInstancesController } from './process-instances.controller';
import { ProcessStatisticsController } from './process-statistics.controller';
import { ProcessStatisticsService } from './process-statistics.service';
import { StartInstanceService } from './start-instance.service';

@Module({
  imports: [ProcessDefinitionsModule],
  controllers: [ProcessInstancesController, ProcessStatisticsController],
  providers: [
    StartInstanceService,
    KeyedStartService,
    // Stateless; provided here too so that this module needs nothing of the (global) instance-commands module that imports it.
    IdempotentRequests,
    InstanceQueries,
    CancelInstanceService,
    ProcessStatisticsService,
  ],
  exports: [StartInstanceService, InstanceQueries],
})
export class ProcessInstancesModule {}
