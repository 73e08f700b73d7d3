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
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class LineChangeDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) readonly lineNo!: number;
  @ApiPropertyOptional({ example: 800 }) @IsOptional() @IsInt() @Min(1) readonly quantity?: number;
  @ApiPropertyOptional({ example: '2027-01-10' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  readonly requestedDate?: string;
}

export class AmendmentChangesDto {
  @ApiPropertyOptional({ type: [LineChangeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LineChangeDto)
  readonly lines?: LineChangeDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly paymentTerms?: string;
  @ApiPropertyOptional({ description: 'Other changed terms, as text' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  readonly other?: string;
}

export class AmendContractRequest {
  @ApiProperty({ enum: ['customer', 'company'] }) @IsIn(['customer', 'company']) readonly requestedBy!:
    'customer' | 'company';
  @ApiProperty({ type: AmendmentChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AmendmentChangesDto)
  readonly changes!: AmendmentChangesDto;
  @ApiProperty({ example: 'customer moved the launch' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  readonly reason!: string;
}
