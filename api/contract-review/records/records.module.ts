import { Module } from '@nestjs/common';
import { ContractRecordsController } from './records.controller';

/** The pack's records for an audit: ledger, CSV exports, review record PDF. */
@Module({ controllers: [ContractRecordsController] })
export class ContractRecordsModule {}
