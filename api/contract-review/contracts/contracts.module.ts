import { Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../../process-definitions/process-definitions.module';
import { ProcessInstancesModule } from '../../process-instances/process-instances.module';
import { AmendContractService } from './amend-contract/amend-contract.service';
import { ConfirmMemoService } from './confirm-memo/confirm-memo.service';
import { ContractSignalService } from './contract-signal.service';
import { ContractsController } from './contracts.controller';
import { CreateContractService } from './create-contract/create-contract.service';
import { DeclareDelayService } from './declare-delay/declare-delay.service';
import { DeleteContractService } from './delete-contract.service';
import { ContractQueries } from './queries/contract-queries.service';
import { RecordDeliveryService } from './record-delivery/record-delivery.service';

@Module({
  imports: [ProcessDefinitionsModule, ProcessInstancesModule],
  controllers: [ContractsController],
  providers: [
    CreateContractService,
    ContractQueries,
    AmendContractService,
    RecordDeliveryService,
    DeclareDelayService,
    ConfirmMemoService,
    DeleteContractService,
    ContractSignalService,
  ],
})
export class ContractsModule {}
