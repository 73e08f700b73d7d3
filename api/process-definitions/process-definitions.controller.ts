import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditTrail } from '../audit/audit-trail.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { badRequest } from '../errors/domain-error';
import { DeployDefinitionService, DeployResult } from './deploy-definition.service';
import { ProcessDefinitionQueries } from './process-definition-queries.service';

@ApiTags('process-definitions')
@ApiBearerAuth()
@Controller('process-definitions')
export class ProcessDefinitionsController {
  constructor(
    private readonly deployer: DeployDefinitionService,
    private readonly queries: ProcessDefinitionQueries,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Deploy BPMN XML (201 new version, 200 identical to the latest; 400 { errors: [{ elementId, rule, message }] })',
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
  ): Promise<Omit<DeployResult, 'created'>> {
    const xml = typeof body === 'string' ? body : (body as { xml?: unknown } | undefined)?.xml;
    if (typeof xml !== 'string' || !xml.trim()) {
      throw badRequest(
        'DEFINITION.NO_XML',
        `Send BPMN XML as application/xml or JSON { "xml": "..." } (got ${contentType ?? 'no content type'})`,
        {
          errors: [{ elementId: null, rule: 'xml', message: 'no BPMN XML in the request body' }],
        },
      );
    }
    const { created, ...result } = await this.deployer.deploy(xml, principal.user);
    await this.audit.record(principal.user, 'deploy', {
      processId: result.processId,
      subject: `${result.processId} v${result.version}`,
      details: { version: result.version, created },
    });
    res.status(created ? 201 : 200);
    return result;
  }

  @Get()
  @ApiOperation({ summary: 'Deployed processes with their versions' })
  list() {
    return this.queries.list();
  }

  @Get(':processId')
  @ApiOperation({ summary: 'The latest version of a process, with its XML' })
  latest(@Param('processId') processId: string) {
    return this.queries.get(processId).then(view);
  }

  @Get(':processId/versions/:version')
  @ApiOperation({ summary: 'One version of a process, with its XML' })
  version(@Param('processId') processId: string, @Param('version', ParseIntPipe) version: number) {
    return this.queries.get(processId, version).then(view);
  }
}

function view(row: {
  processId: string;
  version: number;
  name: string | null;
  xml: string;
  deployedAt: string;
  deployedBy: string;
  warnings: unknown;
}) {
  const { processId, version, name, xml, deployedAt, deployedBy, warnings } = row;
  return { processId, version, name, deployedAt, deployedBy, warnings, xml };
}
