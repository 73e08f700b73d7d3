import { Module } from '@nestjs/common';
import { DeployDefinitionService } from './deploy-definition.service';
import { ProcessDefinitionQueries } from './process-definition-queries.service';
import { ProcessDefinitionsController } from './process-definitions.controller';

@Module({
  controllers: [ProcessDefinitionsController],
  providers: [DeployDefinitionService, ProcessDefinitionQueries],
  exports: [DeployDefinitionService, ProcessDefinitionQueries],
})
export class ProcessDefinitionsModule {}
