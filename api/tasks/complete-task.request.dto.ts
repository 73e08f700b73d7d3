import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class CompleteTaskRequestBody {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The form data / output variables',
  })
  @IsOptional()
  @IsObject()
  readonly variables?: Record<string, unknown>;
}
