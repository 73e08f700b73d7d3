import { Controller, Get, Inject, OnModuleDestroy, OnModuleInit, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource, IsNull, Not } from 'typeorm';
import { type OutboxChannel, OutboxDispatcher } from '../../../activities/contract-review/records/outbox';
import { OutboxMessageEntity } from '../../../persistence/entities/contract-review';
import { GROUPS } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { type Page, PageRequest, pageWindow, toPage } from '../shared/page';
import type { OutboxMessage } from './outbox.response';

export const OUTBOX_CHANNEL = Symbol('OUTBOX_CHANNEL');

export class ListOutboxRequest extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) readonly contractNo?: string;
  @ApiPropertyOptional({ enum: ['pending', 'delivered'] })
  @IsOptional()
  @IsIn(['pending', 'delivered'])
  readonly state?: 'pending' | 'delivered';
}

/** Customer communications (stamped contracts, negotiation, late-order replies, meeting decisions) and their delivery. */
@ApiTags('outbox')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController implements OnModuleInit, OnModuleDestroy {
  private readonly dispatcher: OutboxDispatcher;
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_CHANNEL) channel: OutboxChannel,
  ) {
    this.dispatcher = new OutboxDispatcher(dataSource, channel);
  }

  onModuleInit() {
    this.timer = setInterval(() => void this.dispatcher.dispatchPending().catch(() => undefined), 5000);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }

  @Get()
  @ApiOperation({ summary: 'Customer communications, newest first' })
  async list(@Query() query: ListOutboxRequest): Promise<Page<OutboxMessage>> {
    const { skip, take } = pageWindow(query);
    const where = {
      ...(query.contractNo ? { contractNo: query.contractNo } : {}),
      ...(query.state ? { deliveredAt: query.state === 'pending' ? IsNull() : Not(IsNull()) } : {}),
    };
    return toPage(
      await this.dataSource
        .getRepository(OutboxMessageEntity)
        .find({ where, order: { createdAt: 'DESC', id: 'ASC' }, skip, take: take + 1 }),
      query,
    );
  }

  @Post('dispatch')
  @RequireGroups(GROUPS.admin, GROUPS.service)
  @ApiOperation({ summary: 'Deliver pending messages now (a background dispatcher does it every 5 s)' })
  async dispatch() {
    return { delivered: await this.dispatcher.dispatchPending() };
  }
}
