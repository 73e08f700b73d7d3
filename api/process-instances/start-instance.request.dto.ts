import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsSafeKey } from '../input/safe-key';

export class StartInstanceRequest {
  @ApiProperty({ example: 'contract-review' })
  @IsString()
  @MaxLength(255)
  readonly processId!: string;

  @ApiPropertyOptional({ description: 'Defaults to the latest version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  readonly version?: number;

  @ApiProperty({ example: 'C-2026-0042', description: 'Unique among running instances of the process' })
  @IsSafeKey()
  @Matches(/^[^/]*$/, { message: 'businessKey must not contain "/"' })
  readonly businessKey!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  readonly variables?: Record<string, unknown>;
}
