import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class CustomerSymbolDto {
  @ApiProperty({ example: 'S' }) @IsString() @MinLength(1) @MaxLength(16) readonly symbol!: string;
  @ApiProperty({ example: 'shield: safety characteristic' })
  @IsString()
  @MaxLength(500)
  readonly meaning!: string;
}

export class PutCustomerRequest {
  @ApiProperty({ example: 'Chrysler' }) @IsString() @MaxLength(255) readonly name!: string;
  @ApiProperty({ description: 'A vehicle maker (整车厂)' }) @IsBoolean() readonly oem!: boolean;
  @ApiProperty({ type: [CustomerSymbolDto], description: 'Special-characteristic symbols (CSR-4)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CustomerSymbolDto)
  readonly symbols!: CustomerSymbolDto[];
  @ApiPropertyOptional({
    description: 'Years beyond the CR-11 minimum this customer asks records to be kept',
    default: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  readonly extraRetentionYears?: number;
}
