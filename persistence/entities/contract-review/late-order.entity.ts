import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type LateOrderState = 'open' | 'escalated' | 'resolved';

/** A row of the late-order tracking sheet (掉期订单跟踪表), CR-12. */
@Entity('cr_late_order')
@Index(['state'])
@Index(['contractNo'])
export class LateOrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 512 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'simple-json' })
  lineNos!: number[];

  /** auto: committed date passed without delivery; declared: PMC or sales. */
  @Column({ type: 'varchar', length: 16 })
  source!: 'auto' | 'declared';

  @Column({ type: 'varchar', length: 255, nullable: true })
  declaredBy!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10 })
  originalDate!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  newDate!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: LateOrderState;

  /** The late-order process instance working it. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  instanceId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  openedAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  resolvedAt!: string | null;

  /** How often the order went late: 1 when raised, +1 each time a newly promised date passes undelivered. */
  @Column({ type: 'integer', default: 1 })
  timesLate!: number;

  /** When the last promised date passed without delivery (back on the list). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  lateAgainAt!: string | null;

  /** The weekly production-sales meeting's last decision (new-date, expedite, partial-delivery, cancel, keep-escalated). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  lastDecision!: string | null;

  /** How it ended: delivered, or closed (cancelled with the customer). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution!: 'delivered' | 'closed' | null;
}

/** One meeting's entry on a late order: daily PMC re-review or weekly production-sales decision. */
@Entity('cr_late_order_review')
@Index(['lateOrderId'])
export class LateOrderReviewEntity {
  @PrimaryColumn({ type: 'varchar', length: 512 })
  id!: string;

  @Column({ type: 'varchar', length: 512 })
  lateOrderId!: string;

  @Column({ type: 'varchar', length: 16 })
  meeting!: 'daily' | 'weekly';

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  newDate!: string | null;

  /** daily: the reply to the customer; weekly: the decision and measures. */
  @Column({ type: 'text' })
  communication!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: string;

  @Column({ type: 'varchar', length: 30 })
  recordedAt!: string;

  /** Who completed the meeting's task (the signed-in user from the token) and when. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reviewedAt!: string | null;

  /** Who attended (procurement, production, 跟单, warehouse for the daily meeting) and who chaired it. */
  @Column({ type: 'simple-json', nullable: true })
  attendees!: string[] | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  chair!: string | null;
}

/** 5D corrective action report, tracked to closure (CR-12.3). */
@Entity('cr_five_d_report')
@Index(['state'])
export class FiveDReportEntity {
  @PrimaryColumn({ type: 'varchar', length: 512 })
  id!: string;

  @Column({ type: 'varchar', length: 512 })
  lateOrderId!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'simple-json' })
  disciplines!: {
    d1Problem?: string;
    d2Containment?: string;
    d3RootCause?: string;
    d4CorrectiveAction?: string;
    d5Verification?: string;
  };

  @Column({ type: 'varchar', length: 16 })
  state!: 'open' | 'closed';

  @Column({ type: 'varchar', length: 30 })
  openedAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  closedAt!: string | null;
}
