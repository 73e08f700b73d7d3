import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsSafeKey } from '../input/safe-key';

export class PublishMessageRequest {
  @ApiProperty({ example: 'customer-confirmation' }) @IsSafeKey() readonly name!: string;
  @ApiPropertyOptional({ example: 'C-2026-0042' })
  @IsOptional()
  @IsSafeKey()
  readonly correlationKey?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  readonly variables?: Record<string, unknown>;
  @ApiPropertyOptional({
    description: 'Idempotency key: the same message id is correlated once per instance',
  })
  @IsOptional()
  @IsSafeKey()
  readonly messageId?: string;
}
