import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource, In } from 'typeorm';
import {
  FiveDReportEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
} from '../../../persistence/entities/contract-review';
import { type Page, PageRequest, pageWindow, toPage } from '../shared/page';
import type { FiveDReportRow, LateOrderRow } from './late-orders.response';

export class ListLateOrdersRequest extends PageRequest {
  @ApiPropertyOptional({ enum: ['open', 'escalated', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'escalated', 'resolved'])
  readonly state?: 'open' | 'escalated' | 'resolved';
}

export class ListFiveDRequest extends PageRequest {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) readonly state?:
    'open' | 'closed';
}

@ApiTags('late-orders')
@ApiBearerAuth()
@Controller()
export class LateOrdersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('late-orders')
  @ApiOperation({ summary: 'The late-order tracking sheet (掉期订单跟踪表), CR-12, with each meeting entry' })
  async list(@Query() query: ListLateOrdersRequest): Promise<Page<LateOrderRow>> {
    const { skip, take } = pageWindow(query);
    const rows = await this.dataSource.getRepository(LateOrderEntity).find({
      where: query.state ? { state: query.state } : {},
      order: { openedAt: 'ASC', id: 'ASC' },
      skip,
      take: take + 1,
    });
    const reviews = rows.length
      ? await this.dataSource
          .getRepository(LateOrderReviewEntity)
          .find({ where: { lateOrderId: In(rows.map((r) => r.id)) }, order: { recordedAt: 'ASC' } })
      : [];
    return toPage(
      rows.map((r) => ({ ...r, reviews: reviews.filter((v) => v.lateOrderId === r.id) })),
      query,
    );
  }

  @Get('5d-reports')
  @ApiOperation({ summary: '5D corrective action reports (CR-12.3)' })
  async fiveD(@Query() query: ListFiveDRequest): Promise<Page<FiveDReportRow>> {
    const { skip, take } = pageWindow(query);
    return toPage(
      await this.dataSource.getRepository(FiveDReportEntity).find({
        where: query.state ? { state: query.state } : {},
        order: { openedAt: 'ASC' },
        skip,
        take: take + 1,
      }),
      query,
    );
  }
}
