import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { UserTaskState } from '../../persistence/entities/user-task.entity';

export class ListTasksRequest {
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
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  readonly limit: number = 50;
  @ApiPropertyOptional() @IsOptional() @IsString() readonly cursor?: string;
}
