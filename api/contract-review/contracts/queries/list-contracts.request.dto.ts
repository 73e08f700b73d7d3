import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageRequest } from '../../shared/page';

export class ListContractsRequest extends PageRequest {
  @ApiPropertyOptional({
    enum: ['intake', 'in-review', 'negotiation', 'signed', 'executing', 'completed', 'declined'],
  })
  @IsOptional()
  @IsIn(['intake', 'in-review', 'negotiation', 'signed', 'executing', 'completed', 'declined'])
  readonly status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) readonly customerId?: string;
  @ApiPropertyOptional({ enum: ['regular', 'non-regular'] })
  @IsOptional()
  @IsIn(['regular', 'non-regular'])
  readonly class?: string;
}
