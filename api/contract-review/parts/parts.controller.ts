import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { recomputeRetentionForPart } from '../../../activities/contract-review/records/retention';
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
      'Create or replace a part of the parts master (fed by the ERP; read by the stock/capacity check, CR-4). ' +
      "A changed activeUntil (end of the part's life) recomputes the retention of every archived contract with the part (CR-11).",
  })
  async put(@Param('partNo') partNo: string, @Body() body: PutPartRequest) {
    const at = new Date().toISOString();
    const row = { partNo, ...body, activeUntil: body.activeUntil ?? null, updatedAt: at };
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOneBy(PartEntity, { partNo });
      await em.save(PartEntity, row);
      const retentionChanged =
        before && before.activeUntil !== row.activeUntil
          ? await recomputeRetentionForPart(em, partNo, at)
          : [];
      return { ...row, retentionChanged };
    });
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
