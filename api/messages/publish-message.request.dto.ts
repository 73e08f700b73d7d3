import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class PublishMessageRequest {
  @ApiProperty({ example: 'customer-confirmation' }) @IsString() @MaxLength(255) readonly name!: string;
  @ApiPropertyOptional({ example: 'C-2026-0042' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  readonly correlationKey?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  readonly variables?: Record<string, unknown>;
  @ApiPropertyOptional({
    description: 'Idempotency key: the same message id is correlated once per instance',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  readonly messageId?: string;
}
