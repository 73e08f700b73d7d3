import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const CONFIRMATION_CHANNELS = ['phone', 'email', 'fax', 'signed-memo'] as const;

/** The customer confirmed the telephone memo (CR-1: 电话纪要, confirmed by the customer where needed). */
export class ConfirmMemoRequest {
  @ApiProperty({ example: 'Mr. Chen (buyer)', description: 'Who confirmed it at the customer' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  readonly confirmedBy!: string;
  @ApiProperty({ enum: CONFIRMATION_CHANNELS, description: 'How the confirmation came in' })
  @IsIn(CONFIRMATION_CHANNELS)
  readonly channel!: (typeof CONFIRMATION_CHANNELS)[number];
  @ApiPropertyOptional({ description: 'When the customer confirmed (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly confirmedAt?: string;
  @ApiPropertyOptional({ example: 'confirmed quantities and dates by e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly note?: string;
}
