import { Module } from '@nestjs/common';
import { InstanceOperationsModule } from '../instance-operations/instance-operations.module';
import { BatchOperationsController } from './batch-operations.controller';
import { BatchOperations } from './batch-operations.service';
import { BatchSelection } from './batch-selection.service';

@Module({
  imports: [InstanceOperationsModule],
  controllers: [BatchOperationsController],
  providers: [BatchOperations, BatchSelection],
})
export class BatchOperationsModule {}
