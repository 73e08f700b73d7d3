import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ProcessStatisticsService } from './process-statistics.service';

@ApiTags('process-definitions')
@ApiBearerAuth()
@Controller('process-definitions')
export class ProcessStatisticsController {
  constructor(private readonly statistics: ProcessStatisticsService) {}

  @Get(':processId/statistics')
  @ApiOperation({
    summary:
      'Heatmap data over all instances in the store: per element active / completed / terminated counts, mean and p90 duration',
  })
  @ApiQuery({ name: 'version', required: false, type: Number })
  @ApiQuery({
    name: 'limit',
    required: false,
    type: Number,
    description: 'ignored: every instance counts now',
  })
  get(
    @Param('processId') processId: string,
    @Query('version', new ParseIntPipe({ optional: true })) version?: number,
  ) {
    return this.statistics.forProcess(processId, version);
  }
}
