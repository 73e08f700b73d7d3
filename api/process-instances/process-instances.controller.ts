import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '../audit/audit-trail.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { CancelInstanceService } from './cancel-instance.service';
import { InstanceQueries } from './instance-queries.service';
import { KeyedStartService } from './keyed-start.service';
import { ListInstancesRequest, variableFilters } from './list-instances.request.dto';
import { StartInstanceRequest } from './start-instance.request.dto';
import { StartInstanceService } from './start-instance.service';

@ApiTags('process-instances')
@ApiBearerAuth()
@Controller('process-instances')
export class ProcessInstancesController {
  constructor(
    private readonly starter: StartInstanceService,
    private readonly keyedStarter: KeyedStartService,
    private readonly queries: InstanceQueries,
    private readonly canceller: CancelInstanceService,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Start an instance (201); 409 with the running instance for a business key already running. With an Idempotency-Key, the same request again answers the same 201 (one instance), another request under the key is 409',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Any text up to 200 characters, unique per start the caller means: a retry after a lost answer (or a dead API) returns the same instance',
  })
  async start(
    @Body() body: StartInstanceRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const { started, repeated } =
      idempotencyKey === undefined
        ? { started: await this.starter.start(body, principal), repeated: false }
        : await this.keyedStarter.start(body, principal, idempotencyKey);
    if (!repeated)
      await this.audit.record(principal.user, 'start', {
        instanceId: started.instanceId,
        processId: started.processId,
        subject: `${started.processId} v${started.version}`,
        details: { businessKey: body.businessKey, ...(idempotencyKey ? { idempotencyKey } : {}) },
      });
    return started;
  }

  @Get()
  @ApiOperation({
    summary:
      'List and search instances from the store (filters, variables=name=value, cursor paging: { items, nextCursor? })',
  })
  list(@Query() query: ListInstancesRequest) {
    return this.queries.list({ ...query, variables: variableFilters(query) });
  }

  @Get(':instanceId')
  @ApiOperation({ summary: 'State, active and completed elements, variables, incidents, open tasks' })
  get(@Param('instanceId') instanceId: string) {
    return this.queries.get(instanceId);
  }

  @Get(':instanceId/timeline')
  @ApiOperation({
    summary: 'Ordered timeline of the instance and the instances it called, with the user of each human step',
  })
  timeline(@Param('instanceId') instanceId: string) {
    return this.queries.timeline(instanceId);
  }

  @Post(':instanceId/cancel')
  @HttpCode(202)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin, GROUPS.service)
  @ApiOperation({
    summary:
      'Cancel a running instance: open tasks are cancelled, the instance ends TERMINATED; terminated with a reason when it cannot run its cancellation within 5 s',
  })
  cancel(@Param('instanceId') instanceId: string, @CurrentPrincipal() principal: Principal) {
    return this.canceller.cancel(instanceId, principal);
  }
}
