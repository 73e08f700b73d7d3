import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { IncidentEntity } from '../../persistence/entities';
import { retryIncidentUpdate } from '../../workflows/protocol';
import { GROUPS } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { conflict, notFound } from '../errors/domain-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Incidents across instances (unresolved by default)' })
  @ApiQuery({ name: 'resolved', required: false, type: Boolean })
  @ApiQuery({ name: 'instanceId', required: false })
  list(@Query('resolved') resolved?: string, @Query('instanceId') instanceId?: string) {
    return this.dataSource.getRepository(IncidentEntity).find({
      where: { resolved: resolved === 'true', ...(instanceId ? { instanceId } : {}) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  @Post(':incidentId/retry')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin, GROUPS.service)
  @ApiOperation({ summary: 'Retry the failed step of an incident (409 when already resolved)' })
  async retry(@Param('incidentId') incidentId: string) {
    const incident = await this.dataSource.getRepository(IncidentEntity).findOneBy({ incidentId });
    if (!incident) throw notFound('INCIDENT.NOT_FOUND', `No incident ${incidentId}`);
    if (incident.resolved) throw conflict('INCIDENT.RESOLVED', `Incident ${incidentId} is already resolved`);
    try {
      await this.client.workflow.getHandle(incident.instanceId).executeUpdate(retryIncidentUpdate, { args: [{ incidentId }] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) {
        throw conflict('INCIDENT.NOT_RETRYABLE', (error.cause as Error | undefined)?.message ?? error.message);
      }
      throw error;
    }
    await this.dataSource.getRepository(IncidentEntity).update({ incidentId }, { resolved: true, resolvedAt: new Date().toISOString() });
    return { incidentId, retried: true };
  }
}
