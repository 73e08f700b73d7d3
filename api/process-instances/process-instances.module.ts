import { Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module';
import { InstanceQueries } from './instance-queries.service';
import { ProcessInstancesController } from './process-instances.controller';
import { StartInstanceService } from './start-instance.service';

@Module({
  imports: [ProcessDefinitionsModule],
  controllers: [ProcessInstancesController],
  providers: [StartInstanceService, InstanceQueries],
  exports: [StartInstanceService, InstanceQueries],
})
export class ProcessInstancesModule {}
