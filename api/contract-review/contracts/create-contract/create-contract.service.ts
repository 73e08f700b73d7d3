import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { proposeClass } from '../../../../activities/contract-review/domain/classification';
import {
  ContractEntity,
  ContractLineEntity,
  CustomerEntity,
  PartEntity,
} from '../../../../persistence/entities/contract-review';
import type { Principal } from '../../../auth/principal';
import { badRequest, conflict } from '../../../errors/domain-error';
import { instanceWorkflowId } from '../../../../workflows/protocol';
import { IdempotentRequests } from '../../../instance-commands/idempotent-requests.service';
import { startCommandId } from '../../../instance-commands/instance-command';
import { InstanceCommandOutbox } from '../../../instance-commands/instance-command-outbox.service';
import { ProcessDefinitionQueries } from '../../../process-definitions/process-definition-queries.service';
import { assertMayStart } from '../../../process-instances/start-instance.service';
import type { CreateContractRequest } from './create-contract.request.dto';

export const CONTRACT_REVIEW_PROCESS = 'contract-review';
/** The stages of contract-review whose department reviews (部门评审) the KPIs read: regular (共同评审) and non-regular (交叉评审). */
export const REVIEW_STAGE_PROCESSES = ['cr-regular-review', 'cr-non-regular-review'];

const SCOPE = 'contract-review.create';

export interface CreatedContract {
  contractNo: string;
  instanceId: string;
  proposedClass: string;
}

/**
 * CR-1: records the contract (ledger row and lines) and, in the same transaction, the start
 * of its contract-review instance in the instance-command outbox; the start is delivered
 * right after commit, or by the outbox dispatcher once Temporal answers. The same request sent
 * again (a retry after a lost answer) answers the same contract; another one under a
 * contract number on record is a 409.
 */
@Injectable()
export class CreateContractService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: ProcessDefinitionQueries,
    private readonly outbox: InstanceCommandOutbox,
    private readonly idempotent: IdempotentRequests,
  ) {}

  async create(request: CreateContractRequest, principal: Principal): Promise<CreatedContract> {
    const definition = await this.definitions.get(CONTRACT_REVIEW_PROCESS);
    assertMayStart(definition.graph, principal);
    const { created, commandId } = await this.record(request, principal, definition.version);
    await this.outbox.deliver([commandId]);
    return created;
  }

  /** The ledger row, its lines, the start command and the answer; a concurrent create of the same contractNo loses on the primary key and answers as a retry. */
  private async record(request: CreateContractRequest, principal: Principal, version: number) {
    try {
      return await this.dataSource.transaction((em) => this.insert(em, request, principal, version));
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      return this.dataSource.transaction((em) => this.insert(em, request, principal, version));
    }
  }

  private async insert(
    em: EntityManager,
    request: CreateContractRequest,
    principal: Principal,
    version: number,
  ): Promise<{ created: CreatedContract; commandId: string }> {
    const at = new Date().toISOString();
    const instanceId = instanceWorkflowId(CONTRACT_REVIEW_PROCESS, request.contractNo);
    const seen = await this.idempotent.recall<CreatedContract>(em, SCOPE, request.contractNo, request);
    // Delivered again in case the first answer was lost before the start reached Temporal.
    if (seen.kind === 'same') return { created: seen.response, commandId: startCommandId(instanceId) };
    if (seen.kind === 'different' || (await em.findOneBy(ContractEntity, { contractNo: request.contractNo })))
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
      instanceId,
      receiptInstanceId: null,
      executionInstanceId: null,
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
    const commandId = await this.outbox.record(em, {
      kind: 'start',
      workflowId: instanceId,
      start: {
        processId: CONTRACT_REVIEW_PROCESS,
        version,
        businessKey: contract.contractNo,
        variables: startVariables(contract, lines),
      },
    });
    const created = { contractNo: contract.contractNo, instanceId, proposedClass: contract.proposedClass };
    await this.idempotent.remember(em, SCOPE, request.contractNo, request, created);
    return { created, commandId };
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
