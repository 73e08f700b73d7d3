import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { GROUPS, type Principal } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { CR_GROUPS } from '../shared/groups';
import { AmendContractRequest } from './amend-contract/amend-contract.request.dto';
import { AmendContractService } from './amend-contract/amend-contract.service';
import { ConfirmMemoRequest } from './confirm-memo/confirm-memo.request.dto';
import { ConfirmMemoService } from './confirm-memo/confirm-memo.service';
import { CreateContractRequest } from './create-contract/create-contract.request.dto';
import { CreateContractService } from './create-contract/create-contract.service';
import { DeclareDelayRequest } from './declare-delay/declare-delay.request.dto';
import { DeclareDelayService } from './declare-delay/declare-delay.service';
import { DeleteContractService } from './delete-contract.service';
import { ContractQueries } from './queries/contract-queries.service';
import { ListContractsRequest } from './queries/list-contracts.request.dto';
import { RecordDeliveryRequest } from './record-delivery/record-delivery.request.dto';
import { RecordDeliveryService } from './record-delivery/record-delivery.service';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly create: CreateContractService,
    private readonly queries: ContractQueries,
    private readonly amendments: AmendContractService,
    private readonly deliveries: RecordDeliveryService,
    private readonly delays: DeclareDelayService,
    private readonly deletion: DeleteContractService,
    private readonly confirmations: ConfirmMemoService,
  ) {}

  @Post()
  @RequireGroups(CR_GROUPS.sales, GROUPS.service, GROUPS.admin)
  @ApiOperation({
    summary: 'Receive a contract/order (CR-1): records it and starts its contract-review instance',
  })
  @ApiResponse({ status: 201, description: '{ contractNo, instanceId, proposedClass }' })
  @ApiResponse({ status: 409, description: 'CONTRACT.ALREADY_EXISTS' })
  createContract(@Body() body: CreateContractRequest, @CurrentPrincipal() principal: Principal) {
    return this.create.create(body, principal);
  }

  @Get()
  @ApiOperation({ summary: 'The contract ledger (合同台帐), paged' })
  list(@Query() query: ListContractsRequest) {
    return this.queries.list(query);
  }

  @Get(':contractNo')
  @ApiOperation({
    summary:
      'Contract with revisions, class, reviews, measures, special characteristics, change notices, deliveries, late orders, retention',
  })
  get(@Param('contractNo') contractNo: string) {
    return this.queries.detail(contractNo);
  }

  @Post(':contractNo/amendments')
  @RequireGroups(CR_GROUPS.sales, GROUPS.service, GROUPS.admin)
  @ApiOperation({ summary: 'Amend an executing contract (CR-9): new revision, re-review, change notices' })
  @ApiResponse({ status: 409, description: 'CONTRACT.NOT_AMENDABLE' })
  amend(
    @Param('contractNo') contractNo: string,
    @Body() body: AmendContractRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.amendments.amend(contractNo, body, principal);
  }

  @Post(':contractNo/deliveries')
  @RequireGroups(CR_GROUPS.sales, CR_GROUPS.pmc, 'warehouse', GROUPS.service, GROUPS.admin)
  @ApiOperation({ summary: 'Record a delivery (CR-10); the instance checks it on time' })
  deliver(
    @Param('contractNo') contractNo: string,
    @Body() body: RecordDeliveryRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.deliveries.record(contractNo, body, principal);
  }

  @Post(':contractNo/delays')
  @RequireGroups(CR_GROUPS.sales, CR_GROUPS.pmc, GROUPS.service, GROUPS.admin)
  @ApiOperation({ summary: 'Declare a delay (CR-12.1): raises a late order' })
  delay(
    @Param('contractNo') contractNo: string,
    @Body() body: DeclareDelayRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.delays.declare(contractNo, body, principal);
  }

  @Post(':contractNo/confirmation')
  @RequireGroups(CR_GROUPS.sales, GROUPS.service, GROUPS.admin)
  @ApiOperation({
    summary:
      "Record the customer's confirmation of a telephone order's memo (CR-1): kept on the contract, and the review goes on",
  })
  @ApiResponse({
    status: 409,
    description: 'CONTRACT.NO_CONFIRMATION_AWAITED, CONTRACT.ALREADY_CONFIRMED, CONTRACT.NOT_IN_INTAKE',
  })
  confirm(
    @Param('contractNo') contractNo: string,
    @Body() body: ConfirmMemoRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.confirmations.confirm(contractNo, body, principal);
  }

  @Delete(':contractNo')
  @HttpCode(204)
  @RequireGroups(GROUPS.admin)
  @ApiOperation({ summary: 'Delete an archived contract whose retention has ended (CR-11)' })
  @ApiResponse({ status: 409, description: 'CONTRACT.UNDER_RETENTION with details.retentionUntil' })
  async remove(@Param('contractNo') contractNo: string) {
    await this.deletion.delete(contractNo);
  }
}
