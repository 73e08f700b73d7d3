import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
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
      'Heatmap data: per element, instances active there now and completions (most recent `limit` instances)',
  })
  @ApiQuery({ name: 'version', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'default 200, at most 1000' })
  get(
    @Param('processId') processId: string,
    @Query('version', new ParseIntPipe({ optional: true })) version?: number,
    @Query('limit', new DefaultValuePipe(200), ParseIntPipe) limit = 200,
  ) {
    return this.statistics.forProcess(processId, version, Math.min(Math.max(limit, 1), 1000));
  }
}
