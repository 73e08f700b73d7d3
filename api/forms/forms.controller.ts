import { Body, Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditTrail } from '../audit/audit-trail.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { FormsService } from './forms.service';

@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(
    private readonly forms: FormsService,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({ summary: 'Deploy a form-js schema (201 new version, 200 identical)' })
  async deploy(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, ...result } = await this.forms.deploy(body, principal.user);
    await this.audit.record(principal.user, 'form-deploy', {
      subject: `${result.formId} v${result.version}`,
      details: { version: result.version, created },
    });
    res.status(created ? 201 : 200);
    return result;
  }

  @Get()
  list() {
    return this.forms.list();
  }

  @Get(':formId')
  async latest(@Param('formId') formId: string) {
    const { version, schema, deployedAt } = await this.forms.get(formId);
    return { formId, version, deployedAt, schema };
  }

  @Get(':formId/versions/:version')
  async version(@Param('formId') formId: string, @Param('version', ParseIntPipe) v: number) {
    const { version, schema, deployedAt } = await this.forms.get(formId, v);
    return { formId, version, deployedAt, schema };
  }
}
