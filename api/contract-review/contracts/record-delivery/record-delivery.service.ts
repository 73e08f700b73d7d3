import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { localDate } from '../../../../activities/contract-review/domain/dates';
import type { AppConfig } from '../../../../config/app-config';
import {
  ContractEntity,
  ContractLineEntity,
  DeliveryEntity,
} from '../../../../persistence/entities/contract-review';
import type { Principal } from '../../../auth/principal';
import { APP_CONFIG } from '../../../config/app-config.module';
import { badRequest, conflict } from '../../../errors/domain-error';
import { IdempotentRequests } from '../../../instance-commands/idempotent-requests.service';
import { messageCommandId } from '../../../instance-commands/instance-command';
import { ContractSignalService, executionInstance } from '../contract-signal.service';
import { ContractQueries } from '../queries/contract-queries.service';
import type { RecordDeliveryRequest } from './record-delivery.request.dto';

const SCOPE = 'contract-review.delivery';

/**
 * CR-10: a delivery against a line, checked on time against the committed date in the plant's
 * calendar. The row, the line's delivered quantity and the event for the instance commit
 * together; with a delivery note number a retried request answers the same delivery.
 */
@Injectable()
export class RecordDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: ContractQueries,
    private readonly signals: ContractSignalService,
    private readonly idempotent: IdempotentRequests,
  ) {}

  async record(
    contractNo: string,
    request: RecordDeliveryRequest,
    principal: Principal,
  ): Promise<DeliveryEntity> {
    const contract = await this.queries.entity(contractNo);
    // The id comes from the delivery note (or is random), never from a count of deliveries.
    const id = `${contractNo}/${request.deliveryNoteNo ?? randomUUID()}`;
    try {
      const { delivery, commandIds } = await this.dataSource.transaction((em) =>
        this.recordIn(em, id, contract, request, principal),
      );
      await this.signals.deliver(commandIds);
      return delivery;
    } catch (error) {
      // The same delivery note recorded at this moment by another request: answer as a retry would.
      if (!(error instanceof QueryFailedError) || !request.deliveryNoteNo) throw error;
      const { delivery, commandIds } = await this.dataSource.transaction((em) =>
        this.recordIn(em, id, contract, request, principal),
      );
      await this.signals.deliver(commandIds);
      return delivery;
    }
  }

  private async recordIn(
    em: EntityManager,
    id: string,
    contract: ContractEntity,
    request: RecordDeliveryRequest,
    principal: Principal,
  ): Promise<{ delivery: DeliveryEntity; commandIds: string[] }> {
    const { contractNo } = contract;
    const messageId = id;
    if (request.deliveryNoteNo) {
      const seen = await this.idempotent.recall<DeliveryEntity>(em, SCOPE, id, request);
      if (seen.kind === 'same') {
        // Delivered again in case the first answer was lost before its event reached the instance.
        return {
          delivery: seen.response,
          commandIds: [messageCommandId(executionInstance(contract), messageId)],
        };
      }
      if (seen.kind === 'different')
        throw conflict(
          'DELIVERY.NOTE_REUSED',
          `Delivery note ${request.deliveryNoteNo} is already recorded on contract ${contractNo} with other content`,
          { deliveryNoteNo: request.deliveryNoteNo },
        );
    }
    if (contract.status !== 'executing')
      throw conflict(
        'CONTRACT.NOT_EXECUTING',
        `Contract ${contractNo} is ${contract.status}: deliveries are recorded while it executes`,
        { status: contract.status },
      );
    const lines = await em.find(ContractLineEntity, {
      where: { contractNo, partNo: request.partNo },
      order: { lineNo: 'ASC' },
    });
    const line = request.lineNo
      ? lines.find((l) => l.lineNo === request.lineNo)
      : (lines.find((l) => l.deliveredQty < l.quantity) ?? lines[0]);
    if (!line)
      throw badRequest(
        'DELIVERY.UNKNOWN_LINE',
        `Contract ${contractNo} has no line for part ${request.partNo}`,
      );
    // One statement adds the quantity and checks it, so two partial deliveries at once cannot both pass.
    const added = await em
      .createQueryBuilder()
      .update(ContractLineEntity)
      .set({ deliveredQty: () => `"deliveredQty" + ${Number(request.quantity)}` })
      .where('id = :id AND "deliveredQty" + :quantity <= quantity', {
        id: line.id,
        quantity: request.quantity,
      })
      .execute();
    if (!added.affected) {
      const now = await em.findOneByOrFail(ContractLineEntity, { id: line.id });
      throw badRequest(
        'DELIVERY.OVER_QUANTITY',
        `Line ${line.lineNo} has ${now.quantity - now.deliveredQty} pieces open`,
      );
    }
    const deliveredAt = new Date(request.deliveredAt).toISOString();
    const delivery: DeliveryEntity = {
      id,
      contractNo,
      customerId: contract.customerId,
      lineNo: line.lineNo,
      partNo: line.partNo,
      quantity: request.quantity,
      deliveredAt,
      committedDate: line.committedDate,
      onTime: localDate(Date.parse(deliveredAt), this.config.plantTimeZone) <= line.committedDate,
      recordedBy: principal.user,
      recordedAt: new Date().toISOString(),
    };
    await em.insert(DeliveryEntity, delivery);
    const command = await this.signals.record(
      em,
      executionInstance(contract),
      'delivery-recorded',
      contractNo,
      { deliveryId: id },
      messageId,
    );
    if (request.deliveryNoteNo) await this.idempotent.remember(em, SCOPE, id, request, delivery);
    return { delivery, commandIds: [command] };
  }
}
