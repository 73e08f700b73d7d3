import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from './audit-trail.service';
import { ListAuditRequest } from './list-audit.request.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary:
      'Who did what: deploys, starts, cancels, retries, messages, task completions (newest first, paged)',
  })
  list(@Query() query: ListAuditRequest) {
    return this.trail.list(query);
  }
}
