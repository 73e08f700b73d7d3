import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { MailAddressEntity } from '../../persistence/entities';
import { TaskNoticeEntity } from '../../persistence/entities/notification.entity';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, type Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { badRequest } from '../errors/domain-error';
import type { MailAddressResponse, TaskNoticeResponse } from './notifications.response';
import { TaskNoticesService } from './task-notices.service';

const RECIPIENT = /^(group|customer|user):[A-Za-z0-9][A-Za-z0-9._@-]{0,200}$/;

export class PutMailAddressRequest {
  @ApiProperty({ example: ['buyer@customer.example'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  readonly addresses!: string[];
}

export class ListTaskNoticesRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) readonly taskId?: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: TaskNoticesService,
  ) {}

  @Get('mail-addresses')
  @ApiOperation({
    summary: 'The address book: group:, customer: and user: recipients and their mail addresses',
  })
  async addresses(): Promise<MailAddressResponse[]> {
    return this.dataSource.getRepository(MailAddressEntity).find({ order: { recipient: 'ASC' } });
  }

  @Put('mail-addresses/:recipient')
  @RequireGroups(GROUPS.admin, GROUPS.service)
  @ApiOperation({
    summary: 'Set the mail addresses of a recipient (e.g. customer:chrysler, group:pmc-manager)',
  })
  async putAddress(
    @Param('recipient') recipient: string,
    @Body() body: PutMailAddressRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MailAddressResponse> {
    if (!RECIPIENT.test(recipient))
      throw badRequest('MAIL.BAD_RECIPIENT', `${recipient} is not a group:, customer: or user: recipient`);
    const row = {
      recipient,
      addresses: body.addresses,
      updatedBy: principal.user,
      updatedAt: new Date().toISOString(),
    };
    await this.dataSource.getRepository(MailAddressEntity).save(row);
    return row;
  }

  @Get('task-notices')
  @ApiOperation({ summary: 'Notices sent about tasks (new, due tomorrow, overdue) and their delivery' })
  async list(@Query() query: ListTaskNoticesRequest): Promise<TaskNoticeResponse[]> {
    return this.dataSource.getRepository(TaskNoticeEntity).find({
      where: query.taskId ? { taskId: query.taskId } : {},
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  @Post('task-notices/run')
  @HttpCode(200)
  @RequireGroups(GROUPS.admin, GROUPS.service)
  @ApiOperation({
    summary: 'Check the open tasks for notices and deliver them now (also done every interval)',
  })
  run() {
    return this.notices.runOnce();
  }
}
