import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HistoryReads } from '../../history/store-reads';
import { StoreCatchUp } from './store-catch-up';

/** The system of record's reads (history/store-reads.ts), for every module that answers from the store. */
@Global()
@Module({
  providers: [
    {
      provide: HistoryReads,
      useFactory: (ds: DataSource) => new HistoryReads(ds),
      inject: [getDataSourceToken()],
    },
    StoreCatchUp,
  ],
  exports: [HistoryReads, StoreCatchUp],
})
export class HistoryModule {}
