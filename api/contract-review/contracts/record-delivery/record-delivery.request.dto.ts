import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

export class RecordDeliveryRequest {
  @ApiPropertyOptional({
    example: 'DN-2026-0042',
    description:
      'The delivery note number: the delivery is recorded once per note, and the same request sent again (a retry) answers the same delivery',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  readonly deliveryNoteNo?: string;
  @ApiProperty({ example: 'HL-100' }) @IsString() @MinLength(1) @MaxLength(64) readonly partNo!: string;
  @ApiProperty({ example: 500 }) @IsInt() @Min(1) readonly quantity!: number;
  @ApiProperty({ example: '2026-12-18T10:00:00+08:00' })
  @IsISO8601({ strict: true })
  readonly deliveredAt!: string;
  @ApiPropertyOptional({
    description: 'Line number when several lines carry the part (default: the earliest open line)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  readonly lineNo?: number;
}
