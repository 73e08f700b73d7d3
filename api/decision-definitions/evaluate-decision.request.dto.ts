import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Min } from 'class-validator';

export class EvaluateDecisionRequest {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Input variables' })
  @IsOptional()
  @IsObject()
  readonly variables?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'A deployed version; the latest when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  readonly version?: number;
}
