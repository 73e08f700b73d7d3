import { Module } from '@nestjs/common';
import { DeployDefinitionService } from './deploy-definition.service';
import { ProcessDefinitionQueries } from './process-definition-queries.service';
import { ProcessDefinitionsController } from './process-definitions.controller';
import { TimerStartSchedules } from './timer-start-schedules.service';

@Module({
  controllers: [ProcessDefinitionsController],
  providers: [DeployDefinitionService, ProcessDefinitionQueries, TimerStartSchedules],
  exports: [DeployDefinitionService, ProcessDefinitionQueries],
})
export class ProcessDefinitionsModule {}
