import { PlantCalendarDayEntity } from './calendar.entity';
import { ContractEntity, ContractLineEntity, ContractRevisionEntity } from './contract.entity';
import { CsrAnnualCheckEntity, CsrDocumentEntity, CsrRequirementEntity } from './csr.entity';
import { CsrDocumentFileEntity } from './csr-file.entity';
import { ActionPlanEntity, KpiTargetEntity } from './kpi.entity';
import { FiveDReportEntity, LateOrderEntity, LateOrderReviewEntity } from './late-order.entity';
import { CustomerEntity, PartEntity } from './master-data.entity';
import { OutboxMessageEntity } from './outbox.entity';
import { ChangeNoticeEntity, DeliveryEntity, MeasureEntity, ReviewEntity } from './review.entity';

export * from './calendar.entity';
export * from './contract.entity';
export * from './csr.entity';
export * from './csr-file.entity';
export * from './kpi.entity';
export * from './late-order.entity';
export * from './master-data.entity';
export * from './outbox.entity';
export * from './review.entity';

/** The contract review process pack's records. */
export const CONTRACT_REVIEW_ENTITIES = [
  PartEntity,
  CustomerEntity,
  ContractEntity,
  ContractLineEntity,
  ContractRevisionEntity,
  ReviewEntity,
  MeasureEntity,
  ChangeNoticeEntity,
  DeliveryEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
  FiveDReportEntity,
  KpiTargetEntity,
  ActionPlanEntity,
  CsrDocumentEntity,
  CsrDocumentFileEntity,
  CsrRequirementEntity,
  CsrAnnualCheckEntity,
  OutboxMessageEntity,
  PlantCalendarDayEntity,
];
