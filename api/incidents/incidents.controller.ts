import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  DefaultValuePipe,
  ParseEnumPipe,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { IncidentQueries } from './incident-queries.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentQueries) {}

  @Get()
  @ApiOperation({
    summary: 'Incidents from the store: unresolved ones by default (state=resolved for the others)',
  })
  @ApiQuery({ name: 'instanceId', required: false })
  @ApiQuery({ name: 'state', required: false, enum: ['open', 'resolved'] })
  @ApiQuery({ name: 'limit', required: false, description: 'newest first, default 100, at most 500' })
  list(
    @Query('instanceId') instanceId?: string,
    @Query('state', new ParseEnumPipe(['open', 'resolved'], { optional: true })) state?: 'open' | 'resolved',
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit = 100,
  ) {
    return this.incidents.list({ instanceId, state, limit: Math.min(Math.max(limit, 1), 500) });
  }

  @Post(':incidentId/retry')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin, GROUPS.service)
  @ApiOperation({ summary: 'Retry the failed step of an incident (404 unknown, 409 already resolved)' })
  retry(@Param('incidentId') incidentId: string, @CurrentPrincipal() principal: Principal) {
    return this.incidents.retry(incidentId, principal);
  }
}
