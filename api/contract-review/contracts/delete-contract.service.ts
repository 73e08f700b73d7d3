import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { underRetention } from '../../../activities/contract-review/domain/retention';
import {
  ChangeNoticeEntity,
  ContractEntity,
  ContractLineEntity,
  ContractRevisionEntity,
  DeliveryEntity,
  FiveDReportEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
  MeasureEntity,
  ReviewEntity,
} from '../../../persistence/entities/contract-review';
import { conflict } from '../../errors/domain-error';
import { ContractQueries } from './queries/contract-queries.service';

/** CR-11: a record under retention (or not yet archived) cannot be deleted. */
@Injectable()
export class DeleteContractService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: ContractQueries,
  ) {}

  async delete(contractNo: string, today = new Date().toISOString().slice(0, 10)): Promise<void> {
    const contract = await this.queries.entity(contractNo);
    if (!contract.archivedAt)
      throw conflict(
        'CONTRACT.NOT_ARCHIVED',
        `Contract ${contractNo} is ${contract.status} and not archived yet`,
        { status: contract.status },
      );
    if (underRetention(contract.retentionUntil, today)) {
      throw conflict(
        'CONTRACT.UNDER_RETENTION',
        contract.retentionUntil
          ? `Contract ${contractNo} is kept until ${contract.retentionUntil}`
          : `Contract ${contractNo} is kept while a part of it has no end of life (retention open)`,
        { retentionUntil: contract.retentionUntil },
      );
    }
    await this.dataSource.transaction(async (em) => {
      // The late-order history is part of the contract's record (CR-12 tracking sheet); outbox messages stay as the communication log.
      const lateOrders = await em.find(LateOrderEntity, { select: { id: true }, where: { contractNo } });
      if (lateOrders.length)
        await em.delete(LateOrderReviewEntity, { lateOrderId: In(lateOrders.map((l) => l.id)) });
      for (const entity of [FiveDReportEntity, LateOrderEntity]) await em.delete(entity, { contractNo });
      for (const entity of [
        ChangeNoticeEntity,
        MeasureEntity,
        ReviewEntity,
        DeliveryEntity,
        ContractRevisionEntity,
        ContractLineEntity,
        ContractEntity,
      ])
        await em.delete(entity, { contractNo });
    });
  }
}
