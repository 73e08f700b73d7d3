import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { localDate } from '../../../activities/contract-review/domain/dates';
import { DEFAULT_ON_TIME_TARGET, onTimeRates } from '../../../activities/contract-review/domain/on-time';
import { ON_TIME_KPI } from '../../../activities/contract-review/kpi.activity';
import { loadDueLines } from '../../../activities/contract-review/records/execution';
import type { AppConfig } from '../../../config/app-config';
import { ActionPlanEntity, KpiTargetEntity } from '../../../persistence/entities/contract-review';
import { UserTaskEntity } from '../../../persistence/entities/user-task.entity';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { GROUPS, type Principal } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { APP_CONFIG } from '../../config/app-config.module';
import { CR_GROUPS } from '../shared/groups';
import { type Page, PageRequest, pageWindow, toPage } from '../shared/page';
import { REVIEW_STAGE_PROCESSES } from '../contracts/create-contract/create-contract.service';
import { badRequest } from '../../errors/domain-error';
import type { ActionPlanRow, OnTimeDeliveryResponse, ReviewLeadTimeResponse } from './kpi.response';
import { DEPARTMENT_REVIEW_FORM, reviewLeadTimes } from './review-lead-time';

export class OnTimeRequest {
  @ApiProperty({ example: '2026-11-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) readonly from!: string;
  @ApiProperty({ example: '2026-11-30' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) readonly to!: string;
  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['week', 'month'])
  readonly groupBy: 'week' | 'month' = 'month';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) readonly customerId?: string;
}

export class ReviewLeadTimeRequest {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'reviews completed on or after this plant date',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  readonly from?: string;
  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'reviews completed on or before this plant date',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  readonly to?: string;
}

export class PutTargetRequest {
  @ApiProperty({ example: 0.95, minimum: 0, maximum: 1 })
  @IsNumber()
  @Min(0)
  @Max(1)
  readonly target!: number;
}

@ApiTags('kpi')
@ApiBearerAuth()
@Controller('kpi')
export class KpiController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('on-time-delivery')
  @ApiOperation({
    summary:
      'Customer order on-time delivery rate per week or month against the target (CR-10), with the action plans',
  })
  async onTime(@Query() query: OnTimeRequest): Promise<OnTimeDeliveryResponse> {
    if (query.from > query.to) throw badRequest('KPI.INVALID_RANGE', 'from must not be after to');
    const target = await this.target();
    const lines = await loadDueLines(this.dataSource.manager, query.from, query.to, query.customerId);
    const periods = onTimeRates(lines, query.groupBy ?? 'month', target, (iso) =>
      localDate(Date.parse(iso), this.config.plantTimeZone),
    );
    const actionPlans = await this.dataSource
      .getRepository(ActionPlanEntity)
      .find({ where: { kpi: ON_TIME_KPI }, order: { period: 'ASC' } });
    return {
      kpi: ON_TIME_KPI,
      target,
      from: query.from,
      to: query.to,
      groupBy: query.groupBy ?? 'month',
      customerId: query.customerId ?? null,
      periods,
      actionPlans,
    };
  }

  @Get('review-lead-time')
  @ApiOperation({
    summary:
      'Contract review lead time per department (CR-5/CR-6): hours from the department review task opening to its completion, and the reviews open now',
    description:
      'Answer: { from, to, departments: [{ department, reviews, averageHours, medianHours, maxHours, open, oldestOpenHours }] }. Read-only; from the review task records.',
  })
  async reviewLeadTime(@Query() query: ReviewLeadTimeRequest): Promise<ReviewLeadTimeResponse> {
    if (query.from && query.to && query.from > query.to)
      throw badRequest('KPI.INVALID_RANGE', 'from must not be after to');
    const tasks = await this.dataSource.getRepository(UserTaskEntity).find({
      select: { candidateGroups: true, state: true, createdAt: true, completedAt: true },
      where: { processId: In(REVIEW_STAGE_PROCESSES), formId: DEPARTMENT_REVIEW_FORM },
    });
    const inPeriod = (iso: string) => {
      const day = localDate(Date.parse(iso), this.config.plantTimeZone);
      return (!query.from || day >= query.from) && (!query.to || day <= query.to);
    };
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      departments: reviewLeadTimes(tasks, Date.now(), inPeriod),
    };
  }

  @Put('on-time-delivery/target')
  @RequireGroups(CR_GROUPS.sales, GROUPS.manager, GROUPS.admin)
  @ApiOperation({ summary: 'Set the on-time delivery target' })
  async setTarget(@Body() body: PutTargetRequest, @CurrentPrincipal() principal: Principal) {
    const row = {
      kpi: ON_TIME_KPI,
      target: body.target,
      updatedBy: principal.user,
      updatedAt: new Date().toISOString(),
    };
    await this.dataSource.getRepository(KpiTargetEntity).save(row);
    return row;
  }

  @Get('action-plans')
  @ApiOperation({ summary: 'Corrective/preventive action plans (纠正/预防措施计划表)' })
  async plans(@Query() page: PageRequest): Promise<Page<ActionPlanRow>> {
    const { skip, take } = pageWindow(page);
    return toPage(
      await this.dataSource
        .getRepository(ActionPlanEntity)
        .find({ order: { openedAt: 'DESC' }, skip, take: take + 1 }),
      page,
    );
  }

  private async target(): Promise<number> {
    return (
      (await this.dataSource.getRepository(KpiTargetEntity).findOneBy({ kpi: ON_TIME_KPI }))?.target ??
      DEFAULT_ON_TIME_TARGET
    );
  }
}
