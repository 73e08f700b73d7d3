import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PartEntity } from '../../../persistence/entities/contract-review';
import { GROUPS } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { CR_GROUPS } from '../shared/groups';
import { PageRequest, pageWindow, toPage } from '../shared/page';
import { notFound } from '../../errors/domain-error';
import { PutPartRequest } from './put-part.request.dto';

@ApiTags('parts')
@ApiBearerAuth()
@Controller('parts')
export class PartsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Put(':partNo')
  @RequireGroups(GROUPS.service, GROUPS.admin, CR_GROUPS.pmc)
  @ApiOperation({
    summary:
      'Create or replace a part of the parts master (fed by the ERP; read by the stock/capacity check, CR-4)',
  })
  async put(@Param('partNo') partNo: string, @Body() body: PutPartRequest) {
    const row = {
      partNo,
      ...body,
      activeUntil: body.activeUntil ?? null,
      updatedAt: new Date().toISOString(),
    };
    await this.dataSource.getRepository(PartEntity).save(row);
    return row;
  }

  @Get()
  @ApiOperation({ summary: 'Parts master, paged' })
  async list(@Query() page: PageRequest) {
    const { skip, take } = pageWindow(page);
    return toPage(
      await this.dataSource
        .getRepository(PartEntity)
        .find({ order: { partNo: 'ASC' }, skip, take: take + 1 }),
      page,
    );
  }

  @Get(':partNo')
  async get(@Param('partNo') partNo: string) {
    const part = await this.dataSource.getRepository(PartEntity).findOneBy({ partNo });
    if (!part) throw notFound('PART.NOT_FOUND', `No part ${partNo}`);
    return part;
  }
}
