import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContractEntity } from '../../../../persistence/entities/contract-review';
import type { Principal } from '../../../auth/principal';
import { conflict } from '../../../errors/domain-error';
import { ContractSignalService, receiptInstance } from '../contract-signal.service';
import { ContractQueries } from '../queries/contract-queries.service';
import type { ConfirmMemoRequest } from './confirm-memo.request.dto';

/** The message the contract's receive task Task_AwaitConfirmation waits for. */
export const CUSTOMER_CONFIRMATION_MESSAGE = 'customer-confirmation';

/**
 * CR-1: sales records that the customer confirmed the telephone memo of a telephone order.
 * The confirmation is kept on the contract (milestone `customerConfirmation`) and, in the
 * same transaction, recorded as the message its receive task waits for, so the review goes
 * on; one message id per contract, so a redelivered message correlates once.
 */
@Injectable()
export class ConfirmMemoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: ContractQueries,
    private readonly signals: ContractSignalService,
  ) {}

  async confirm(contractNo: string, request: ConfirmMemoRequest, principal: Principal) {
    const contract = await this.queries.entity(contractNo);
    if (contract.channel !== 'phone' || !contract.telephoneMemo?.confirmationRequired)
      throw conflict(
        'CONTRACT.NO_CONFIRMATION_AWAITED',
        `Contract ${contractNo} has no telephone memo awaiting the customer's confirmation`,
        { channel: contract.channel },
      );
    if (contract.milestones.customerConfirmation)
      throw conflict('CONTRACT.ALREADY_CONFIRMED', `The memo of ${contractNo} is already confirmed`, {
        confirmation: contract.milestones.customerConfirmation,
      });
    if (contract.status !== 'intake' || !contract.instanceId)
      throw conflict(
        'CONTRACT.NOT_IN_INTAKE',
        `Contract ${contractNo} is ${contract.status}: a memo is confirmed during intake`,
        { status: contract.status },
      );
    const now = new Date().toISOString();
    const confirmation = {
      confirmedBy: request.confirmedBy,
      channel: request.channel,
      confirmedAt: request.confirmedAt ? new Date(request.confirmedAt).toISOString() : now,
      note: request.note ?? null,
      recordedBy: principal.user,
      recordedAt: now,
    };
    // The milestone and the message in one transaction (the instance-command outbox delivers it).
    const milestones = { ...contract.milestones, customerConfirmation: confirmation };
    const id = await this.dataSource.transaction(async (em) => {
      await em.update(ContractEntity, { contractNo }, { milestones: milestones as never, updatedAt: now });
      return this.signals.record(
        em,
        receiptInstance(contract),
        CUSTOMER_CONFIRMATION_MESSAGE,
        contractNo,
        { customerConfirmation: confirmation },
        `${CUSTOMER_CONFIRMATION_MESSAGE}/${contractNo}`,
      );
    });
    await this.signals.deliver([id]);
    return { contractNo, confirmation };
  }
}
