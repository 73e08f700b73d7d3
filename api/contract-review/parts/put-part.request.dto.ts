import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class PutPartRequest {
  @ApiProperty({ example: 'Headlamp assembly LH' }) @IsString() @MaxLength(255) readonly description!: string;
  @ApiProperty({ example: 1200, description: 'Pieces in stock' }) @IsInt() @Min(0) readonly stockQty!: number;
  @ApiProperty({ example: 10, description: 'Days before the first piece of a new run is ready' })
  @IsInt()
  @Min(0)
  readonly leadTimeDays!: number;
  @ApiProperty({ example: 300, description: 'Pieces per day' })
  @IsInt()
  @Min(1)
  readonly dailyCapacity!: number;
  @ApiPropertyOptional({
    example: '2030-12-31',
    description: 'Last day the part (family) is active for production and service (CR-11)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  readonly activeUntil?: string;
}
