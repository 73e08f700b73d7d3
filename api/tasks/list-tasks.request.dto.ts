import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { UserTaskState } from '../../persistence/entities/user-task.entity';
import { CursorPageRequest } from '../paging/cursor-page.request.dto';

export class ListTasksRequest extends CursorPageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) readonly candidateGroup?: string;
  @ApiPropertyOptional({ description: 'Tasks this user may complete as assignee or candidate user' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  readonly candidateUser?: string;
  @ApiPropertyOptional({ enum: ['open', 'completed', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'completed', 'cancelled'])
  readonly state?: UserTaskState;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) readonly instanceId?: string;
}
