import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { InstanceState } from '../../workflows/protocol';

export class ListInstancesRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly processId?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'])
  readonly state?: InstanceState;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) readonly businessKey?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  readonly limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  readonly cursor?: string;
}
