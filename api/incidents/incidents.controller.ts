import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  DefaultValuePipe,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GROUPS } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { IncidentQueries } from './incident-queries.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentQueries) {}

  @Get()
  @ApiOperation({ summary: 'Unresolved incidents across running instances (or of one instance)' })
  @ApiQuery({ name: 'instanceId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'instances to inspect, default 100' })
  list(
    @Query('instanceId') instanceId?: string,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit = 100,
  ) {
    return this.incidents.list({ instanceId, limit: Math.min(Math.max(limit, 1), 500) });
  }

  @Post(':incidentId/retry')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin, GROUPS.service)
  @ApiOperation({ summary: 'Retry the failed step of an incident (404 unknown, 409 already resolved)' })
  retry(@Param('incidentId') incidentId: string) {
    return this.incidents.retry(incidentId);
  }
}
