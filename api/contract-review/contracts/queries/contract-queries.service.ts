import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsWhere, IsNull } from 'typeorm';
import {
  ChangeNoticeEntity,
  ContractEntity,
  ContractLineEntity,
  ContractRevisionEntity,
  DeliveryEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
  MeasureEntity,
  ReviewEntity,
} from '../../../../persistence/entities/contract-review';
import { toPage, pageWindow } from '../../shared/page';
import { notFound } from '../../../errors/domain-error';
import type { ContractDetail } from './contract-detail.response';
import type { ListContractsRequest } from './list-contracts.request.dto';

@Injectable()
export class ContractQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async entity(contractNo: string): Promise<ContractEntity> {
    const contract = await this.dataSource.getRepository(ContractEntity).findOneBy({ contractNo });
    if (!contract) throw notFound('CONTRACT.NOT_FOUND', `No contract ${contractNo}`);
    return contract;
  }

  async list(request: ListContractsRequest) {
    const where: FindOptionsWhere<ContractEntity>[] = [];
    const base: FindOptionsWhere<ContractEntity> = {};
    if (request.status) base.status = request.status as ContractEntity['status'];
    if (request.customerId) base.customerId = request.customerId;
    // The class is the confirmed one, or the proposal while sales has not confirmed yet.
    if (request.class)
      where.push(
        { ...base, contractClass: request.class as 'regular' | 'non-regular' },
        { ...base, contractClass: IsNull(), proposedClass: request.class as ContractEntity['proposedClass'] },
      );
    else where.push(base);
    const { skip, take } = pageWindow(request);
    const rows = await this.dataSource
      .getRepository(ContractEntity)
      .find({ where, order: { createdAt: 'DESC', contractNo: 'ASC' }, skip, take: take + 1 });
    return toPage(rows.map(summary), request);
  }

  /** The contract with everything the procedure records about it. */
  async detail(contractNo: string): Promise<ContractDetail> {
    const contract = await this.entity(contractNo);
    const em = this.dataSource.manager;
    const by = { where: { contractNo } };
    const [lines, revisions, reviews, measures, changeNotices, deliveries, lateOrders] = await Promise.all([
      em.find(ContractLineEntity, { ...by, order: { lineNo: 'ASC' } }),
      em.find(ContractRevisionEntity, { ...by, order: { revision: 'ASC' } }),
      em.find(ReviewEntity, { ...by, order: { recordedAt: 'ASC' } }),
      em.find(MeasureEntity, { ...by, order: { id: 'ASC' } }),
      em.find(ChangeNoticeEntity, { ...by, order: { revision: 'ASC', department: 'ASC' } }),
      em.find(DeliveryEntity, { ...by, order: { deliveredAt: 'ASC' } }),
      em.find(LateOrderEntity, { ...by, order: { openedAt: 'ASC' } }),
    ]);
    const lateReviews = lateOrders.length
      ? await em.find(LateOrderReviewEntity, { order: { recordedAt: 'ASC' } })
      : [];
    return {
      ...contract,
      class: contract.contractClass ?? contract.proposedClass,
      lines,
      revisions,
      reviews,
      measures,
      changeNotices,
      deliveries,
      lateOrders: lateOrders.map((l) => ({
        ...l,
        reviews: lateReviews.filter((r) => r.lateOrderId === l.id),
      })),
    };
  }
}

function summary(c: ContractEntity) {
  return {
    contractNo: c.contractNo,
    customerId: c.customerId,
    status: c.status,
    proposedClass: c.proposedClass,
    class: c.contractClass ?? c.proposedClass,
    revision: c.revision,
    instanceId: c.instanceId,
    createdAt: c.createdAt,
    retentionUntil: c.retentionUntil,
  };
}
