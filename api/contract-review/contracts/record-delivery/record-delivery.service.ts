import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localDate } from '../../../../activities/contract-review/domain/dates';
import type { AppConfig } from '../../../../config/app-config';
import { ContractLineEntity, DeliveryEntity } from '../../../../persistence/entities/contract-review';
import type { Principal } from '../../../auth/principal';
import { APP_CONFIG } from '../../../config/app-config.module';
import { badRequest, conflict } from '../../../errors/domain-error';
import { ContractSignalService } from '../contract-signal.service';
import { ContractQueries } from '../queries/contract-queries.service';
import type { RecordDeliveryRequest } from './record-delivery.request.dto';

/** CR-10: a delivery against a line, checked on time against the committed date in the plant's calendar. */
@Injectable()
export class RecordDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: ContractQueries,
    private readonly signals: ContractSignalService,
  ) {}

  async record(contractNo: string, request: RecordDeliveryRequest, principal: Principal) {
    const contract = await this.queries.entity(contractNo);
    if (contract.status !== 'executing')
      throw conflict(
        'CONTRACT.NOT_EXECUTING',
        `Contract ${contractNo} is ${contract.status}: deliveries are recorded while it executes`,
        { status: contract.status },
      );
    const delivery = await this.dataSource.transaction(async (em) => {
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
      if (line.deliveredQty + request.quantity > line.quantity)
        throw badRequest(
          'DELIVERY.OVER_QUANTITY',
          `Line ${line.lineNo} has ${line.quantity - line.deliveredQty} pieces open`,
        );
      const count = await em.countBy(DeliveryEntity, { contractNo });
      const deliveredAt = new Date(request.deliveredAt).toISOString();
      const row: DeliveryEntity = {
        id: `${contractNo}/d${count + 1}`,
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
      await em.insert(DeliveryEntity, row);
      await em.update(
        ContractLineEntity,
        { id: line.id },
        { deliveredQty: line.deliveredQty + request.quantity },
      );
      return row;
    });
    await this.signals.send(
      contract.instanceId!,
      'delivery-recorded',
      contractNo,
      { deliveryId: delivery.id },
      delivery.id,
    );
    return delivery;
  }
}
