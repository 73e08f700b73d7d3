import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { CreateBatchRequest } from './batch-operation.request.dto';
import { BatchOperations } from './batch-operations.service';

@ApiTags('batch-operations')
@ApiBearerAuth()
@Controller('batch-operations')
export class BatchOperationsController {
  constructor(private readonly batches: BatchOperations) {}

  @Post()
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Cancel, retry incidents, modify or migrate many instances (a filter or a list of ids): 201 { batchId, total }',
  })
  create(@Body() body: CreateBatchRequest, @CurrentPrincipal() principal: Principal) {
    return this.batches.create(body, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Recent batch operations' })
  list(@Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit = 50) {
    return this.batches.list(Math.min(Math.max(limit, 1), 200));
  }

  @Get(':batchId')
  @ApiOperation({ summary: 'Progress: total, done, failed with reasons, state' })
  get(@Param('batchId') batchId: string) {
    return this.batches.get(batchId);
  }

  @Post(':batchId/suspend')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({ summary: 'Pause after the chunk in progress' })
  suspend(@Param('batchId') batchId: string, @CurrentPrincipal() principal: Principal) {
    return this.batches.control(batchId, 'suspend', principal);
  }

  @Post(':batchId/resume')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  resume(@Param('batchId') batchId: string, @CurrentPrincipal() principal: Principal) {
    return this.batches.control(batchId, 'resume', principal);
  }

  @Post(':batchId/cancel')
  @HttpCode(200)
  @RequireGroups(GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({ summary: 'Stop: items not yet applied are left alone' })
  cancel(@Param('batchId') batchId: string, @CurrentPrincipal() principal: Principal) {
    return this.batches.control(batchId, 'cancel', principal);
  }
}
