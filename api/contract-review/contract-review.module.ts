import { Module } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module';
import { ContractsModule } from './contracts/contracts.module';
import { CsrModule } from './csr/csr.module';
import { CustomersModule } from './customers/customers.module';
import { KpiModule } from './kpi/kpi.module';
import { LateOrdersModule } from './late-orders/late-orders.module';
import { MeetingsModule } from './meetings/meetings.module';
import { ContractReviewNoticesModule } from './notifications/contract-review-notices.module';
import { OutboxModule } from './outbox/outbox.module';
import { PartsModule } from './parts/parts.module';
import { ContractRecordsModule } from './records/records.module';

/** The contract review pack's HTTP endpoints: master data, the plant calendar, contracts, late orders, meetings, KPIs, CSR, outbox; its overdue-notice recipients. */
@Module({
  imports: [
    PartsModule,
    CalendarModule,
    CustomersModule,
    ContractsModule,
    LateOrdersModule,
    MeetingsModule,
    KpiModule,
    CsrModule,
    OutboxModule,
    ContractReviewNoticesModule,
    ContractRecordsModule,
  ],
})
export class ContractReviewModule {}
