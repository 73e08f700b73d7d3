import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditAction } from '../../history/history-views';
import { CursorPageRequest } from '../paging/cursor-page.request.dto';

export const AUDIT_ACTIONS: AuditAction[] = [
  'deploy',
  'form-deploy',
  'start',
  'cancel',
  'retry',
  'message-publish',
  'task-complete',
  'instance.modify',
  'instance.migrate',
  'batch.create',
  'batch.suspend',
  'batch.resume',
  'batch.cancel',
];

export class ListAuditRequest extends CursorPageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) readonly instanceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly user?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  readonly action?: AuditAction;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsISO8601()
  readonly from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsISO8601()
  readonly to?: string;
}
