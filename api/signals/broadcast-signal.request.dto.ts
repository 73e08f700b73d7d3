import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsSafeKey } from '../input/safe-key';

export class BroadcastSignalRequest {
  @ApiProperty({ example: 'plant-shutdown' }) @IsSafeKey() readonly name!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  readonly variables?: Record<string, unknown>;
  @ApiPropertyOptional({
    description:
      'Idempotency key: a broadcast repeated with the same id is caught once and starts nothing new',
  })
  @IsOptional()
  @IsSafeKey()
  readonly signalId?: string;
}
