import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import type { CalendarDayKind } from './calendar.response';

export class PutCalendarDayRequest {
  @ApiProperty({
    enum: ['holiday', 'workday'],
    description: 'holiday: no work that day; workday: a make-up working day (调休) on a weekend',
  })
  @IsIn(['holiday', 'workday'])
  readonly kind!: CalendarDayKind;

  @ApiProperty({ example: '厂庆 Plant anniversary' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  readonly name!: string;
}
