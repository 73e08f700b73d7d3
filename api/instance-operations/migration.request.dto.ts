import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

export class MigrationMappingDto {
  @ApiProperty() @IsString() @MaxLength(255) readonly sourceElementId!: string;
  @ApiProperty() @IsString() @MaxLength(255) readonly targetElementId!: string;
}

export class MigrationRequest {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  readonly targetVersion!: number;

  @ApiPropertyOptional({
    type: [MigrationMappingDto],
    description: 'Elements with the same id and type in both versions map implicitly',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MigrationMappingDto)
  readonly mappings: MigrationMappingDto[] = [];
}

export class MigrationPlanRequest extends MigrationRequest {
  @ApiPropertyOptional({
    description: 'Also check the elements these running instances are active in',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  readonly instanceIds?: string[];
}
