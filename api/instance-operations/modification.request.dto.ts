import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional } from 'class-validator';
import type { ModificationInstructions } from '../../workflows/protocol';

/** The instructions' shapes are checked by the instance itself (engine/operations/modify.ts), element by element. */
export class ModificationRequest implements ModificationInstructions {
  @ApiPropertyOptional({ example: [{ elementId: 'Review', variables: { note: 'again' } }] })
  @IsOptional()
  @IsArray()
  readonly activate?: { elementId: string; variables?: Record<string, unknown> }[];

  @ApiPropertyOptional({ example: [{ elementId: 'Charge' }] })
  @IsOptional()
  @IsArray()
  readonly terminate?: { elementId: string }[];

  @ApiPropertyOptional({ example: [{ fromElementId: 'Charge', toElementId: 'Approve' }] })
  @IsOptional()
  @IsArray()
  readonly move?: { fromElementId: string; toElementId: string }[];

  @ApiPropertyOptional({ example: [{ variables: { amount: 10 } }] })
  @IsOptional()
  @IsArray()
  readonly variables?: { scopeElementId?: string; variables: Record<string, unknown> }[];
}
