import { Controller, Get, Header, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import type { AppConfig } from '../../../config/app-config';
import { LateOrderEntity, LateOrderReviewEntity } from '../../../persistence/entities/contract-review';
import { APP_CONFIG } from '../../config/app-config.module';
import { toCsv } from './csv';
import type { LateOrderRow } from '../late-orders/late-orders.response';
import type { LedgerResponse } from './ledger.response';
import { ledger } from './ledger.service';
import { loadReviewRecord } from './review-record';
import { renderReviewRecordPdf, reviewRecordTitle } from './review-record-pdf';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class LedgerRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) readonly customerId?: string;
  @ApiPropertyOptional({ enum: ['regular', 'non-regular'] })
  @IsOptional()
  @IsIn(['regular', 'non-regular'])
  readonly class?: 'regular' | 'non-regular';
  @ApiPropertyOptional({
    enum: ['intake', 'in-review', 'negotiation', 'signed', 'executing', 'completed', 'declined'],
  })
  @IsOptional()
  @IsIn(['intake', 'in-review', 'negotiation', 'signed', 'executing', 'completed', 'declined'])
  readonly status?: string;
  @ApiPropertyOptional({ description: 'true: only contracts with an open late order; false: only without' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly late?: boolean;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @Matches(DAY) readonly from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @Matches(DAY) readonly to?: string;
}

export class LateOrdersCsvRequest {
  @ApiPropertyOptional({ enum: ['open', 'escalated', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'escalated', 'resolved'])
  readonly state?: 'open' | 'escalated' | 'resolved';
}

const attachment = (res: Response, name: string, type: string) => {
  res.setHeader('content-type', type);
  res.setHeader(
    'content-disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
};

/** Records for an audit: the ledger, its CSV, the late-order sheet CSV and the review record PDF. */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller()
export class ContractRecordsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('contract-ledger')
  @ApiOperation({
    summary: 'The contract ledger (合同台帐) with committed dates, delivered quantities, late flags',
  })
  list(@Query() query: LedgerRequest): Promise<LedgerResponse> {
    return ledger(this.dataSource, query, this.config.plantTimeZone);
  }

  @Get('contracts.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The contract ledger as CSV (same filters)' })
  async ledgerCsv(@Query() query: LedgerRequest, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { items } = await ledger(this.dataSource, query, this.config.plantTimeZone);
    attachment(res, '合同台帐-contracts.csv', 'text/csv; charset=utf-8');
    return toCsv(
      [
        '合同编号 contractNo',
        '顾客 customer',
        '类型 class',
        '状态 status',
        '修订 revision',
        '接收 received',
        '行 line',
        '零件 part',
        '数量 qty',
        '承诺日期 committed',
        '已交 delivered',
        '掉期 late',
      ],
      items.flatMap((r) =>
        (r.lines.length ? r.lines : [undefined]).map((l) => [
          r.contractNo,
          r.customerId,
          r.class,
          r.status,
          r.revision,
          r.createdAt,
          l?.lineNo,
          l?.partNo,
          l?.quantity,
          l?.committedDate,
          l?.deliveredQty,
          r.late ? 'yes' : 'no',
        ]),
      ),
    );
  }

  @Get('late-orders.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The late-order tracking sheet (掉期订单跟踪表) as CSV, one line per meeting entry',
  })
  async lateOrdersCsv(
    @Query() query: LateOrdersCsvRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const rows = await lateOrderRows(this.dataSource, query.state);
    attachment(res, '掉期订单跟踪表-late-orders.csv', 'text/csv; charset=utf-8');
    return toCsv(
      [
        '合同编号 contractNo',
        '顾客 customer',
        '行 lines',
        '来源 source',
        '原因 reason',
        '原交期 originalDate',
        '新交期 newDate',
        '状态 state',
        '打开 opened',
        '会议 meeting',
        '评审原因 reviewReason',
        '评审新交期 reviewNewDate',
        '沟通 communication',
        '结论 outcome',
        '记录 recordedAt',
      ],
      rows.flatMap((r) =>
        (r.reviews.length ? r.reviews : [undefined]).map((v) => [
          r.contractNo,
          r.customerId,
          r.lineNos.join(' '),
          r.source,
          r.reason,
          r.originalDate,
          r.newDate,
          r.state,
          r.openedAt,
          v?.meeting,
          v?.reason,
          v?.newDate,
          v?.communication,
          v?.outcome,
          v?.recordedAt,
        ]),
      ),
    );
  }

  @Get('contracts/:contractNo/review-record.pdf')
  @ApiProduces('application/pdf')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The review record (合同评审记录表 / 订单评审记录表) as PDF, CJK font embedded' })
  async reviewRecord(
    @Param('contractNo') contractNo: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const record = await loadReviewRecord(this.dataSource, contractNo);
    const pdf = await renderReviewRecordPdf(record, this.config.plantTimeZone);
    attachment(res, `${reviewRecordTitle(record)}-${contractNo}.pdf`, 'application/pdf');
    return new StreamableFile(pdf);
  }
}

export async function lateOrderRows(
  dataSource: DataSource,
  state?: LateOrderEntity['state'],
): Promise<LateOrderRow[]> {
  const rows = await dataSource
    .getRepository(LateOrderEntity)
    .find({ where: state ? { state } : {}, order: { openedAt: 'ASC', id: 'ASC' } });
  const reviews = rows.length
    ? await dataSource
        .getRepository(LateOrderReviewEntity)
        .find({ where: { lateOrderId: In(rows.map((r) => r.id)) }, order: { recordedAt: 'ASC' } })
    : [];
  return rows.map((r) => ({ ...r, reviews: reviews.filter((v) => v.lateOrderId === r.id) }));
}
