import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { BATCH_OPERATIONS, type BatchOperationKind } from '../../workflows/batch-protocol';
import type { InstanceState } from '../../workflows/protocol';
import { IsSafeKey } from '../input/safe-key';
import { MigrationRequest } from '../instance-operations/migration.request.dto';
import { ModificationRequest } from '../instance-operations/modification.request.dto';

export const BATCH_ITEMS_LIMIT = 10_000;
/** Variable conditions in one filter (each is a subquery of the store search). */
export const BATCH_FILTER_VARIABLES = 10;

/** An object with at most `max` keys. */
function MaxKeys(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxKeys',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && Object.keys(value).length <= max,
      defaultMessage: (args) => `${args?.property} may name at most ${max} variables`,
    },
  });
}

export class BatchFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly processId?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) readonly version?: number;
  @ApiPropertyOptional({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'], default: 'ACTIVE' })
  @IsOptional()
  @IsIn(['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'])
  readonly state?: InstanceState;
  @ApiPropertyOptional() @IsOptional() @IsSafeKey() readonly businessKey?: string;
  @ApiPropertyOptional({
    description: `Instances whose root-scope variables have these values (at most ${BATCH_FILTER_VARIABLES}; compared as the instance search does: a string as is, anything else as JSON text)`,
  })
  @IsOptional()
  @IsObject()
  @MaxKeys(BATCH_FILTER_VARIABLES)
  readonly variables?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Instances with a token at this element' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  readonly activeElementId?: string;
}

export class CreateBatchRequest {
  @ApiProperty({ enum: BATCH_OPERATIONS })
  @IsIn([...BATCH_OPERATIONS])
  readonly operation!: BatchOperationKind;

  @ApiPropertyOptional({ type: BatchFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BatchFilterDto)
  readonly filter?: BatchFilterDto;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BATCH_ITEMS_LIMIT)
  @IsString({ each: true })
  readonly instanceIds?: string[];

  @ApiPropertyOptional({ type: MigrationRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => MigrationRequest)
  readonly migration?: MigrationRequest;

  @ApiPropertyOptional({ type: ModificationRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModificationRequest)
  readonly modification?: ModificationRequest;

  @ApiPropertyOptional({ description: 'Items per activity call, the unit a suspend waits for (default 25)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  readonly chunkSize?: number;

  @ApiPropertyOptional({ description: 'Upper bound on items per second (default 100)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  readonly itemsPerSecond?: number;
}
