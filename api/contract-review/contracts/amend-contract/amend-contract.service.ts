import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  ContractEntity,
  ContractLineEntity,
  ContractRevisionEntity,
} from '../../../../persistence/entities/contract-review';
import type { Principal } from '../../../auth/principal';
import { badRequest, conflict } from '../../../errors/domain-error';
import { ContractSignalService, executionInstance } from '../contract-signal.service';
import { ContractQueries } from '../queries/contract-queries.service';
import type { AmendContractRequest } from './amend-contract.request.dto';

/** CR-9: records revision n+1 (kept for good), applies it to the lines and sends the contract back to review. */
@Injectable()
export class AmendContractService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: ContractQueries,
    private readonly signals: ContractSignalService,
  ) {}

  async amend(contractNo: string, request: AmendContractRequest, principal: Principal) {
    const at = new Date().toISOString();
    const contract = await this.queries.entity(contractNo);
    if (contract.status !== 'executing') {
      throw conflict(
        'CONTRACT.NOT_AMENDABLE',
        `Contract ${contractNo} is ${contract.status}: amendments are taken once it executes (during review, the negotiation task amends it)`,
        { status: contract.status },
      );
    }
    const { revision, commandId } = await this.inOneTransaction(contractNo, async (em) => {
      // The next revision number from the revisions on record (and the instance's), inside the write lock.
      const recorded = await em.maximum(ContractRevisionEntity, 'revision', { contractNo });
      const revision = Math.max(contract.revision, recorded ?? 0) + 1;
      for (const change of request.changes.lines ?? []) {
        const line = await em.findOneBy(ContractLineEntity, { contractNo, lineNo: change.lineNo });
        if (!line)
          throw badRequest('CONTRACT.UNKNOWN_LINE', `Contract ${contractNo} has no line ${change.lineNo}`);
        await em.update(
          ContractLineEntity,
          { id: line.id },
          {
            quantity: change.quantity ?? line.quantity,
            ...(change.requestedDate
              ? {
                  requestedDate: change.requestedDate,
                  committedDate: change.requestedDate,
                  lateRaisedAt: null,
                }
              : {}),
          },
        );
      }
      if (request.changes.paymentTerms)
        await em.update(ContractEntity, { contractNo }, { paymentTerms: request.changes.paymentTerms });
      await em.insert(ContractRevisionEntity, {
        id: `${contractNo}/r${revision}`,
        contractNo,
        revision,
        requestedBy: request.requestedBy,
        changes: JSON.parse(JSON.stringify(request.changes)),
        reason: request.reason,
        recordedBy: principal.user,
        recordedAt: at,
      });
      const commandId = await this.signals.record(
        em,
        executionInstance(contract),
        'amendment-requested',
        contractNo,
        { amendmentRevision: revision },
        `${contractNo}/r${revision}`,
      );
      return { revision, commandId };
    });
    await this.signals.deliver([commandId]);
    return { contractNo, revision };
  }

  /**
   * Two amendments of one contract at the same moment both take the next revision number; the
   * one that commits second loses on the revision's key and is a 409 to send again after reading
   * the contract (SQLite's immediate transactions serialize them instead).
   */
  private async inOneTransaction<T>(contractNo: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      throw conflict(
        'CONTRACT.CONCURRENT_AMENDMENT',
        `Another amendment of contract ${contractNo} was recorded at the same moment: read the contract and send yours again`,
        { contractNo },
      );
    }
  }
}
