import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { HealthChecks } from './health-checks.service';

/** Health within 2 s, always: every check has its own timeout. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Database, Temporal and engine workers: 200 ok, 200 degraded (no engine worker polls), 503 when the database or Temporal is down',
  })
  async check(@Res({ passthrough: true }) res: Response) {
    const report = await this.checks.report();
    res.status(report.status === 'error' ? 503 : 200);
    return report;
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: 200 when this API can serve (database and Temporal up), else 503' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const report = await this.checks.readiness();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: 200 while the process serves HTTP (no dependency is checked)' })
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }
}
