import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSafeKey } from '../input/safe-key';
import type { InstanceState } from '../../workflows/protocol';
import { CursorPageRequest } from '../paging/cursor-page.request.dto';

export class ListInstancesRequest extends CursorPageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly processId?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'COMPLETED', 'TERMINATED', 'FAILED'])
  readonly state?: InstanceState;

  @ApiPropertyOptional() @IsOptional() @IsSafeKey() readonly businessKey?: string;
}
