import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ContractChannel = 'document' | 'edi' | 'email' | 'phone';
export type ContractDocumentType = 'order' | 'contract' | 'tender' | 'agreement' | 'development-agreement';
export type ContractClass = 'regular' | 'non-regular';
export type ContractStatus =
  'intake' | 'in-review' | 'negotiation' | 'signed' | 'executing' | 'completed' | 'declined';

export interface SpecialRequirement {
  text: string;
  sourceDocument: string;
  symbol?: string;
}

export interface DeliveryTerms {
  method: string;
  place: string;
  packaging: string;
  transport: string;
}

export interface TelephoneMemo {
  memoText: string | null;
  customerContact: string | null;
  callDate: string | null;
  confirmationRequired: boolean;
}

export interface MarkedCharacteristic {
  characteristic: string;
  symbol: string;
  documentRef?: string;
}

/** The contract ledger row (合同台帐): one contract/order with its class, status and retention. */
@Entity('cr_contract')
@Index(['customerId'])
@Index(['status'])
export class ContractEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: ContractChannel;

  @Column({ type: 'varchar', length: 32 })
  documentType!: ContractDocumentType;

  @Column({ type: 'boolean', default: false })
  annual!: boolean;

  @Column({ type: 'boolean', default: false })
  oemSupply!: boolean;

  @Column({ type: 'boolean', default: false })
  automotive!: boolean;

  /** Some line's part is not in the parts master yet, or a development agreement. */
  @Column({ type: 'boolean', default: false })
  newProduct!: boolean;

  @Column({ type: 'simple-json' })
  specialRequirements!: SpecialRequirement[];

  @Column({ type: 'simple-json' })
  delivery!: DeliveryTerms;

  @Column({ type: 'varchar', length: 255 })
  paymentTerms!: string;

  @Column({ type: 'varchar', length: 16 })
  proposedClass!: ContractClass;

  @Column({ type: 'simple-json' })
  classReasons!: string[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  contractClass!: ContractClass | null;

  @Column({ type: 'text', nullable: true })
  classOverrideReason!: string | null;

  /** The order review record (订单评审记录表): departments chosen by sales and the review mode. */
  @Column({ type: 'simple-json' })
  reviewers!: string[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  reviewMode!: string | null;

  @Column({ type: 'simple-json' })
  specialCharacteristics!: MarkedCharacteristic[];

  @Column({ type: 'simple-json', nullable: true })
  telephoneMemo!: TelephoneMemo | null;

  /** Costing, feasibility, signature, development agreement, APQP hand-over: step → recorded data. */
  @Column({ type: 'simple-json' })
  milestones!: Record<string, Record<string, unknown>>;

  @Column({ type: 'varchar', length: 16 })
  status!: ContractStatus;

  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ type: 'varchar', length: 512, nullable: true })
  instanceId!: string | null;

  /** The called cr-receipt instance of a telephone order: where the customer's memo confirmation goes. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  receiptInstanceId!: string | null;

  /** The called cr-execution instance while the contract executes: where deliveries, delays and amendments go. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  executionInstanceId!: string | null;

  @Column({ type: 'varchar', length: 255 })
  createdBy!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  archivedAt!: string | null;

  /** CR-11: kept until this date (inclusive); null while the contract is open. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  retentionUntil!: string | null;
}

/** One order line; its committed date drives the late-order timer and the on-time KPI. */
@Entity('cr_contract_line')
@Index(['partNo'])
@Index(['committedDate'])
export class ContractLineEntity {
  /** `<contractNo>/<lineNo>` */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'integer' })
  lineNo!: number;

  @Column({ type: 'varchar', length: 64 })
  partNo!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'double precision' })
  unitPrice!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 10 })
  requestedDate!: string;

  /** The date promised to the customer (requested date unless a revision changed it). */
  @Column({ type: 'varchar', length: 10 })
  committedDate!: string;

  @Column({ type: 'integer', default: 0 })
  deliveredQty!: number;

  /** When the line was raised as a late order (so the due-date timer raises it once). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  lateRaisedAt!: string | null;
}

/** Every revision of a contract is kept (CR-9): number, who asked, what changed, why. */
@Entity('cr_contract_revision')
@Index(['contractNo', 'revision'], { unique: true })
export class ContractRevisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 16 })
  requestedBy!: 'customer' | 'company';

  @Column({ type: 'simple-json' })
  changes!: Record<string, unknown>;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 255 })
  recordedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  recordedAt!: string;
}
