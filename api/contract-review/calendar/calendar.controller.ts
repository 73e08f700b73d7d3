import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Between, DataSource } from 'typeorm';
import { WorkingCalendar } from '../../../activities/contract-review/domain/working-days';
import { PlantCalendarDayEntity } from '../../../persistence/entities/contract-review';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { GROUPS, type Principal } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { badRequest, notFound } from '../../errors/domain-error';
import type { CalendarDayRow, CalendarYearResponse } from './calendar.response';
import { PutCalendarDayRequest } from './put-calendar-day.request.dto';

export class CalendarYearRequest {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  readonly year?: number;
}

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is not one). */
function calendarDate(date: string): string {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!valid) throw badRequest('CALENDAR.INVALID_DATE', `'${date}' is not a calendar date YYYY-MM-DD`);
  return date;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary:
      "The plant's working-day calendar for a year: holidays, make-up working days (调休) and every working day. " +
      'It drives the daily late-order meeting, due dates and reminders.',
  })
  async year(@Query() query: CalendarYearRequest): Promise<CalendarYearResponse> {
    const year = query.year ?? new Date().getUTCFullYear();
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const repo = this.dataSource.getRepository(PlantCalendarDayEntity);
    const days = await repo.find({ where: { date: Between(from, to) }, order: { date: 'ASC' } });
    return { year, days, workingDays: new WorkingCalendar(days).workingDaysBetween(from, to) };
  }

  @Put('days/:date')
  @RequireGroups(GROUPS.admin)
  @ApiOperation({ summary: 'Set one day as a holiday or a make-up working day (admin)' })
  async put(
    @Param('date') date: string,
    @Body() body: PutCalendarDayRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarDayRow> {
    const row: CalendarDayRow = {
      date: calendarDate(date),
      kind: body.kind,
      name: body.name.trim(),
      updatedBy: principal.user,
      updatedAt: new Date().toISOString(),
    };
    await this.dataSource.getRepository(PlantCalendarDayEntity).save(row);
    return row;
  }

  @Delete('days/:date')
  @HttpCode(204)
  @RequireGroups(GROUPS.admin)
  @ApiOperation({ summary: 'Return a day to the Monday-to-Friday rule (admin)' })
  async remove(@Param('date') date: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(PlantCalendarDayEntity)
      .delete({ date: calendarDate(date) });
    if (!result.affected)
      throw notFound('CALENDAR.DAY_NOT_FOUND', `${date} is an ordinary day of the calendar`);
  }
}
