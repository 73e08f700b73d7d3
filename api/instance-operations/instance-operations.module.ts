import { Module } from '@nestjs/common';
import { InstanceOperationsController } from './instance-operations.controller';
import { InstanceOperations } from './instance-operations.service';
import { OperatorAudit } from './operator-audit';

/** Operate-grade actions on running instances: modification and migration (batches: api/batch-operations). */
@Module({
  controllers: [InstanceOperationsController],
  providers: [InstanceOperations, OperatorAudit],
  exports: [InstanceOperations, OperatorAudit],
})
export class InstanceOperationsModule {}
