import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { isoWeekOf } from '../../../activities/contract-review/domain/dates';
import { LateOrderEntity } from '../../../persistence/entities/contract-review';
import { UserTaskEntity } from '../../../persistence/entities/user-task.entity';

export class DailyAgendaRequest {
  @ApiPropertyOptional({ example: '2026-12-03', description: 'Default: today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  readonly date?: string;
}
export class WeeklyAgendaRequest {
  @ApiPropertyOptional({ example: '2026-W49', description: 'Default: this week' })
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/)
  readonly week?: string;
}

/** The agendas of the daily order review meeting and the weekly production-sales meeting, built from open tasks (CR-12.2/12.3). */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('daily')
  @ApiOperation({
    summary: 'Daily order review meeting (每日订单评审会议): open PMC re-review tasks with their late orders',
  })
  async daily(@Query() query: DailyAgendaRequest) {
    return {
      date: query.date ?? new Date().toISOString().slice(0, 10),
      attendees: ['pmc', 'procurement', 'production', 'merchandiser', 'warehouse'],
      items: await this.agenda('Task_DailyReview'),
    };
  }

  @Get('weekly')
  @ApiOperation({
    summary:
      'Weekly production-sales meeting (每周产销例会), chaired by the manufacturing VP: late orders PMC could not resolve',
  })
  async weekly(@Query() query: WeeklyAgendaRequest) {
    const items = await this.agenda('Task_WeeklyDecision');
    const escalated = await this.dataSource
      .getRepository(LateOrderEntity)
      .find({ where: { state: 'escalated' }, order: { openedAt: 'ASC' } });
    const onAgenda = new Set(items.map((i) => i.lateOrder?.id));
    return {
      week: query.week ?? isoWeekOf(new Date().toISOString().slice(0, 10)),
      chair: 'mfg-vp',
      items,
      waiting: escalated.filter((l) => !onAgenda.has(l.id)),
    };
  }

  private async agenda(elementId: string) {
    const tasks = await this.dataSource
      .getRepository(UserTaskEntity)
      .find({ where: { processId: 'late-order', elementId, state: 'open' }, order: { createdAt: 'ASC' } });
    const lateOrders = tasks.length
      ? await this.dataSource
          .getRepository(LateOrderEntity)
          .find({ where: { id: In(tasks.map((t) => t.instanceId)) } })
      : [];
    return tasks.map((t) => ({
      taskId: t.taskId,
      createdAt: t.createdAt,
      lateOrder: lateOrders.find((l) => l.id === t.instanceId) ?? null,
    }));
  }
}
