import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

/** The longest time to live a message may ask for: 30 days. */
export const MAX_MESSAGE_TTL_MS = 30 * 24 * 3600_000;
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
  @ApiPropertyOptional({
    description:
      'Milliseconds the message is kept for subscriptions that open later (Zeebe: timeToLive); without it a message nobody waits for is a 404',
    example: 3600000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MESSAGE_TTL_MS)
  readonly timeToLive?: number;
}
