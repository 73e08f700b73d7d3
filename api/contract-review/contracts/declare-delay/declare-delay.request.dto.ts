import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class DeclareDelayRequest {
  @ApiProperty({ example: 'mould repair' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  readonly reason!: string;
  @ApiProperty({ example: '2027-01-05' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) readonly newDate!: string;
  @ApiPropertyOptional({ type: [Number], description: 'Affected lines (default: every open line)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  readonly lineNos?: number[];
}
