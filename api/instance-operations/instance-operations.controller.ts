import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { InstanceOperations } from './instance-operations.service';
import { MigrationPlanRequest, MigrationRequest } from './migration.request.dto';
import { ModificationRequest } from './modification.request.dto';

@ApiTags('process-instances')
@ApiBearerAuth()
@Controller()
export class InstanceOperationsController {
  constructor(private readonly operations: InstanceOperations) {}

  @Post('process-instances/:instanceId/modification')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Activate, terminate or move tokens and set variables in one step; 400 names the element when any instruction is invalid (nothing changes then)',
  })
  modify(
    @Param('instanceId') instanceId: string,
    @Body() body: ModificationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.operations.modify(instanceId, body, principal);
  }

  @Post('process-instances/:instanceId/migration')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Migrate a running instance to another version of its process; 400 MIGRATION.INVALID lists every active element without a mapping or with an incompatible target',
  })
  migrate(
    @Param('instanceId') instanceId: string,
    @Body() body: MigrationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.operations.migrate(instanceId, body, principal);
  }

  @Post('process-definitions/:processId/versions/:version/migration-plan/validate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check a migration plan from this version: every element an instance can rest in (and those the named instances are active in) that is unmapped or maps onto an incompatible target',
  })
  validate(
    @Param('processId') processId: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() body: MigrationPlanRequest,
  ) {
    return this.operations.validatePlan(processId, version, body);
  }
}
