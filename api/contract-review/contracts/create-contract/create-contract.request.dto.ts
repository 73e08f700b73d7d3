import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const CHANNELS = ['document', 'edi', 'email', 'phone'] as const;
export const DOCUMENT_TYPES = ['order', 'contract', 'tender', 'agreement', 'development-agreement'] as const;

export class SpecialRequirementDto {
  @ApiProperty({ example: 'PPM target 50' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  readonly text!: string;
  @ApiProperty({ example: 'Quality agreement QA-7 rev B' })
  @IsString()
  @MaxLength(255)
  readonly sourceDocument!: string;
  @ApiPropertyOptional({ example: 'S' }) @IsOptional() @IsString() @MaxLength(16) readonly symbol?: string;
}

export class ContractLineDto {
  @ApiProperty({ example: 'HL-100' }) @IsString() @MinLength(1) @MaxLength(64) readonly partNo!: string;
  @ApiProperty({ example: 500 }) @IsInt() @Min(1) readonly quantity!: number;
  @ApiProperty({ example: 12.5 }) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) readonly unitPrice!: number;
  @ApiProperty({ example: 'CNY' }) @Matches(/^[A-Z]{3}$/) readonly currency!: string;
  @ApiProperty({ example: '2026-12-20' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) readonly requestedDate!: string;
}

export class DeliveryTermsDto {
  @ApiProperty({ example: 'DAP' }) @IsString() @MaxLength(255) readonly method!: string;
  @ApiProperty({ example: 'Customer plant, Wuhu' }) @IsString() @MaxLength(255) readonly place!: string;
  @ApiProperty({ example: 'returnable crates, 20 pcs' })
  @IsString()
  @MaxLength(255)
  readonly packaging!: string;
  @ApiProperty({ example: 'truck' }) @IsString() @MaxLength(255) readonly transport!: string;
}

export class CreateContractRequest {
  @ApiProperty({ example: 'C-2026-0042' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  readonly contractNo!: string;
  @ApiProperty({ example: 'chrysler' }) @IsString() @MinLength(1) @MaxLength(64) readonly customerId!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) readonly channel!: (typeof CHANNELS)[number];
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  readonly documentType!: (typeof DOCUMENT_TYPES)[number];
  @ApiProperty({ description: 'Annual sales contract' }) @IsBoolean() readonly annual!: boolean;
  @ApiProperty({ description: 'Supply to a vehicle maker (整车厂配套)' })
  @IsBoolean()
  readonly oemSupply!: boolean;
  @ApiProperty({ description: 'Automotive product' }) @IsBoolean() readonly automotive!: boolean;
  @ApiProperty({ type: [SpecialRequirementDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SpecialRequirementDto)
  readonly specialRequirements!: SpecialRequirementDto[];
  @ApiProperty({ type: [ContractLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ContractLineDto)
  readonly lines!: ContractLineDto[];
  @ApiProperty({ type: DeliveryTermsDto })
  @ValidateNested()
  @Type(() => DeliveryTermsDto)
  readonly delivery!: DeliveryTermsDto;
  @ApiProperty({ example: '60 days net' }) @IsString() @MaxLength(255) readonly paymentTerms!: string;
}
