import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { proposeClass } from '../../../../activities/contract-review/domain/classification';
import {
  ContractEntity,
  ContractLineEntity,
  CustomerEntity,
  PartEntity,
} from '../../../../persistence/entities/contract-review';
import type { Principal } from '../../../auth/principal';
import { badRequest, conflict } from '../../../errors/domain-error';
import { StartInstanceService } from '../../../process-instances/start-instance.service';
import type { CreateContractRequest } from './create-contract.request.dto';

export const CONTRACT_REVIEW_PROCESS = 'contract-review';

/** CR-1: records the contract (ledger row and lines) and starts its contract-review instance. */
@Injectable()
export class CreateContractService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instances: StartInstanceService,
  ) {}

  async create(request: CreateContractRequest, principal: Principal) {
    const at = new Date().toISOString();
    const { contract, lines } = await this.record(request, principal, at);
    try {
      const started = await this.instances.start(
        {
          processId: CONTRACT_REVIEW_PROCESS,
          businessKey: contract.contractNo,
          variables: startVariables(contract, lines),
        },
        principal,
      );
      await this.dataSource
        .getRepository(ContractEntity)
        .update({ contractNo: contract.contractNo }, { instanceId: started.instanceId });
      return {
        contractNo: contract.contractNo,
        instanceId: started.instanceId,
        proposedClass: contract.proposedClass,
      };
    } catch (error) {
      // No instance, no contract: the caller may retry the same contractNo.
      await this.dataSource.transaction(async (em) => {
        await em.delete(ContractLineEntity, { contractNo: contract.contractNo });
        await em.delete(ContractEntity, { contractNo: contract.contractNo });
      });
      throw error;
    }
  }

  /** The ledger row and its lines; a concurrent create of the same contractNo loses on the primary key and is a 409 too. */
  private async record(request: CreateContractRequest, principal: Principal, at: string) {
    try {
      return await this.insert(request, principal, at);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (await this.dataSource.getRepository(ContractEntity).existsBy({ contractNo: request.contractNo }))
      ) {
        throw conflict('CONTRACT.ALREADY_EXISTS', `Contract ${request.contractNo} is already on record`, {
          contractNo: request.contractNo,
        });
      }
      throw error;
    }
  }

  private insert(request: CreateContractRequest, principal: Principal, at: string) {
    return this.dataSource.transaction(async (em) => {
      if (await em.findOneBy(ContractEntity, { contractNo: request.contractNo }))
        throw conflict('CONTRACT.ALREADY_EXISTS', `Contract ${request.contractNo} is already on record`, {
          contractNo: request.contractNo,
        });
      if (!(await em.findOneBy(CustomerEntity, { customerId: request.customerId })))
        throw badRequest(
          'CONTRACT.UNKNOWN_CUSTOMER',
          `No customer ${request.customerId}: PUT /api/customers/${request.customerId} first`,
        );
      const known = new Set(
        (
          await em.find(PartEntity, {
            select: { partNo: true },
            where: { partNo: In(request.lines.map((l) => l.partNo)) },
          })
        ).map((p) => p.partNo),
      );
      const proposal = proposeClass(request, known);
      const contract: ContractEntity = {
        contractNo: request.contractNo,
        customerId: request.customerId,
        channel: request.channel,
        documentType: request.documentType,
        annual: request.annual,
        oemSupply: request.oemSupply,
        automotive: request.automotive,
        newProduct: proposal.newProduct,
        specialRequirements: request.specialRequirements.map((r) => ({ ...r })),
        delivery: { ...request.delivery },
        paymentTerms: request.paymentTerms,
        proposedClass: proposal.proposedClass,
        classReasons: proposal.reasons,
        contractClass: null,
        classOverrideReason: null,
        reviewers: [],
        reviewMode: null,
        specialCharacteristics: [],
        telephoneMemo: null,
        milestones: {},
        status: 'intake',
        revision: 0,
        instanceId: null,
        createdBy: principal.user,
        createdAt: at,
        updatedAt: at,
        archivedAt: null,
        retentionUntil: null,
      };
      await em.save(ContractEntity, contract);
      const lines = request.lines.map((l, i) => ({
        id: `${request.contractNo}/${i + 1}`,
        contractNo: request.contractNo,
        lineNo: i + 1,
        partNo: l.partNo,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        currency: l.currency,
        requestedDate: l.requestedDate,
        committedDate: l.requestedDate,
        deliveredQty: 0,
        lateRaisedAt: null,
      }));
      await em.insert(ContractLineEntity, lines);
      return { contract, lines };
    });
  }
}

function startVariables(c: ContractEntity, lines: ContractLineEntity[]) {
  return {
    contractNo: c.contractNo,
    customerId: c.customerId,
    channel: c.channel,
    documentType: c.documentType,
    annual: c.annual,
    oemSupply: c.oemSupply,
    automotive: c.automotive,
    newProduct: c.newProduct,
    specialRequirements: c.specialRequirements,
    delivery: c.delivery,
    paymentTerms: c.paymentTerms,
    proposedClass: c.proposedClass,
    revision: 0,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      partNo: l.partNo,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      currency: l.currency,
      requestedDate: l.requestedDate,
    })),
  };
}
