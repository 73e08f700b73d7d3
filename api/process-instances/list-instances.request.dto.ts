import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsSafeKey } from '../input/safe-key';
import type { InstanceState } from '../../workflows/protocol';
import { CursorPageRequest } from '../paging/cursor-page.request.dto';

export class ListInstancesRequest extends CursorPageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly processId?: string;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) readonly version?: number;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'])
  readonly state?: InstanceState;

  @ApiPropertyOptional() @IsOptional() @IsSafeKey() readonly businessKey?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsISO8601()
  readonly startedFrom?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsISO8601()
  readonly startedTo?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsISO8601()
  readonly endedFrom?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @IsISO8601()
  readonly endedTo?: string;

  @ApiPropertyOptional({ description: 'instances with a token at this element now' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  readonly activeElement?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly hasIncident?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description:
      'repeatable `name=value`: root-scope variable equal to value (a string as is, anything else as JSON text)',
  })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsString({ each: true })
  @MaxLength(600, { each: true })
  @Matches(/^[^=]+=/, { each: true, message: 'variables must be name=value' })
  readonly variables?: string[];
}

/** `name=value` pairs of the `variables` filter (the value may itself contain `=`). */
export function variableFilters(request: ListInstancesRequest): { name: string; value: string }[] {
  return (request.variables ?? []).map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1) };
  });
}
