import { Module, OnModuleInit } from '@nestjs/common';
import { TaskNoticesService } from '../../notifications/task-notices.service';
import { overdueEscalation } from './overdue-escalation';

/** The pack's recipients of overdue notices, added to the generic task notices. */
@Module({})
export class ContractReviewNoticesModule implements OnModuleInit {
  constructor(private readonly notices: TaskNoticesService) {}

  onModuleInit(): void {
    this.notices.addEscalation(overdueEscalation);
  }
}
