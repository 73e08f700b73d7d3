import { Module } from '@nestjs/common';
import { DecisionDefinitionQueries } from './decision-definition-queries.service';
import {
  DecisionDefinitionsController,
  DecisionEvaluationsController,
} from './decision-definitions.controller';
import { DeployDecisionService } from './deploy-decision.service';

@Module({
  controllers: [DecisionDefinitionsController, DecisionEvaluationsController],
  providers: [DeployDecisionService, DecisionDefinitionQueries],
  exports: [DecisionDefinitionQueries],
})
export class DecisionDefinitionsModule {}
