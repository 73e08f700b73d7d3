import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CustomerEntity } from '../../../persistence/entities/contract-review';
import { GROUPS } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { CR_GROUPS } from '../shared/groups';
import { PageRequest, pageWindow, toPage } from '../shared/page';
import { notFound } from '../../errors/domain-error';
import { PutCustomerRequest } from './put-customer.request.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Put(':customerId')
  @RequireGroups(GROUPS.service, GROUPS.admin, CR_GROUPS.sales)
  @ApiOperation({ summary: 'Create or replace a customer and its special-characteristic symbol set (CSR-4)' })
  async put(@Param('customerId') customerId: string, @Body() body: PutCustomerRequest) {
    const row = {
      customerId,
      name: body.name,
      oem: body.oem,
      symbols: body.symbols.map((s) => ({ symbol: s.symbol, meaning: s.meaning })),
      extraRetentionYears: body.extraRetentionYears ?? 0,
      updatedAt: new Date().toISOString(),
    };
    await this.dataSource.getRepository(CustomerEntity).save(row);
    return row;
  }

  @Get()
  @ApiOperation({ summary: 'Customers, paged' })
  async list(@Query() page: PageRequest) {
    const { skip, take } = pageWindow(page);
    return toPage(
      await this.dataSource
        .getRepository(CustomerEntity)
        .find({ order: { customerId: 'ASC' }, skip, take: take + 1 }),
      page,
    );
  }

  @Get(':customerId')
  async get(@Param('customerId') customerId: string) {
    const row = await this.dataSource.getRepository(CustomerEntity).findOneBy({ customerId });
    if (!row) throw notFound('CUSTOMER.NOT_FOUND', `No customer ${customerId}`);
    return row;
  }
}
