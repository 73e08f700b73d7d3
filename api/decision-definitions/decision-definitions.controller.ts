import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { badRequest } from '../errors/domain-error';
import type { DecisionDefinitionEntity } from '../../persistence/entities';
import { DecisionDefinitionQueries } from './decision-definition-queries.service';
import { DeployDecisionService, type DecisionDeployResult } from './deploy-decision.service';
import { EvaluateDecisionRequest } from './evaluate-decision.request.dto';

@ApiTags('decision-definitions')
@ApiBearerAuth()
@Controller('decision-definitions')
export class DecisionDefinitionsController {
  constructor(
    private readonly deployer: DeployDecisionService,
    private readonly queries: DecisionDefinitionQueries,
  ) {}

  @Post()
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Deploy DMN XML (201 new version, 200 identical to the latest; 400 { errors: [{ elementId, rule, message }] })',
  })
  @ApiConsumes('application/xml', 'application/json')
  @ApiBody({
    schema: { oneOf: [{ type: 'string' }, { type: 'object', properties: { xml: { type: 'string' } } }] },
  })
  async deploy(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Omit<DecisionDeployResult, 'created'>> {
    const xml = xmlOf(body);
    if (!xml?.trim()) {
      throw badRequest(
        'DECISION.NO_XML',
        `Send DMN XML as application/xml or JSON { "xml": "..." } (got ${contentType ?? 'no content type'})`,
        { errors: [{ elementId: null, rule: 'xml', message: 'no DMN XML in the request body' }] },
      );
    }
    const { created, ...result } = await this.deployer.deploy(xml, principal.user);
    res.status(created ? 201 : 200);
    return result;
  }

  @Post('lint')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary: 'Check DMN XML as a deploy would, storing nothing: { errors: [{ elementId, rule, message }] }',
  })
  @ApiConsumes('application/xml', 'application/json')
  lint(@Body() body: unknown) {
    return this.deployer.lint(xmlOf(body) ?? '');
  }

  @Get()
  @ApiOperation({ summary: 'Deployed decisions with their versions' })
  list() {
    return this.queries.list();
  }

  @Get(':decisionId')
  @ApiOperation({ summary: 'The latest version of a decision, with its XML' })
  latest(@Param('decisionId') decisionId: string) {
    return this.queries.get(decisionId).then(view);
  }

  @Get(':decisionId/versions/:version')
  @ApiOperation({ summary: 'One version of a decision, with its XML' })
  version(@Param('decisionId') decisionId: string, @Param('version', ParseIntPipe) version: number) {
    return this.queries.get(decisionId, version).then(view);
  }

  @Post(':decisionId/evaluate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Try a decision: { result, evaluatedDecisions: [{ decisionId, result, matchedRules }] }; 422 when it fails',
  })
  evaluate(@Param('decisionId') decisionId: string, @Body() body: EvaluateDecisionRequest) {
    return this.queries.evaluate(decisionId, body.variables ?? {}, body.version);
  }
}

@ApiTags('decision-definitions')
@ApiBearerAuth()
@Controller('decision-evaluations')
export class DecisionEvaluationsController {
  constructor(private readonly queries: DecisionDefinitionQueries) {}

  @Get()
  @ApiOperation({
    summary:
      'Decisions evaluated by the business rule tasks of one instance: id, version, result, matched rules',
  })
  list(@Query('instanceId') instanceId: string | undefined) {
    if (!instanceId) throw badRequest('DECISION.NO_INSTANCE', 'Give ?instanceId=<instance id>');
    return this.queries.evaluations(instanceId);
  }
}

function xmlOf(body: unknown): string | undefined {
  const xml = typeof body === 'string' ? body : (body as { xml?: unknown } | undefined)?.xml;
  return typeof xml === 'string' ? xml : undefined;
}

function view(row: DecisionDefinitionEntity) {
  const { decisionId, version, name, versionTag, definitionsId, deployedAt, deployedBy, xml } = row;
  return {
    decisionId,
    version,
    name,
    versionTag,
    decisionRequirementsId: definitionsId,
    deployedAt,
    deployedBy,
    xml,
  };
}
