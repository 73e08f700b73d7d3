import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type Verdict = 'accept' | 'accept-with-measures' | 'reject';
export type ItemVerdict = Verdict | 'not-applicable';

/** One department's review of one revision (CR-5/CR-6): checklist verdicts a–i, overall verdict, comments. */
@Entity('cr_review')
@Index(['contractNo', 'revision'])
export class ReviewEntity {
  /** The job key of the recording activity: a retried activity writes it once. */
  @PrimaryColumn({ type: 'varchar', length: 512 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 32 })
  department!: string;

  /** joint (regular, PMC-organised), cross (parallel), meeting. */
  @Column({ type: 'varchar', length: 16 })
  mode!: string;

  @Column({ type: 'simple-json' })
  checklist!: Record<string, ItemVerdict>;

  @Column({ type: 'varchar', length: 32 })
  verdict!: Verdict;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;

  @Column({ type: 'varchar', length: 30 })
  recordedAt!: string;
}

/** A measure set by a review, tracked to completion (CR-7.2/7.3). */
@Entity('cr_measure')
@Index(['contractNo', 'status'])
export class MeasureEntity {
  @PrimaryColumn({ type: 'varchar', length: 600 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 512 })
  reviewId!: string;

  @Column({ type: 'text' })
  description!: string;

  /** Candidate group that carries it out. */
  @Column({ type: 'varchar', length: 32 })
  department!: string;

  @Column({ type: 'varchar', length: 255 })
  owner!: string;

  @Column({ type: 'varchar', length: 10 })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: 'open' | 'done';

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  completedAt!: string | null;
}

/** Order/contract change notice (订单或合同更改通知单) to one department, acknowledged by it (CR-9). */
@Entity('cr_change_notice')
@Index(['contractNo', 'revision', 'department'], { unique: true })
export class ChangeNoticeEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 32 })
  department!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 30 })
  issuedAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  acknowledgedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  acknowledgementNotes!: string | null;

  /** Who acknowledged (the signed-in user who completed the acknowledgement task). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  acknowledgedBy!: string | null;
}

/** A delivery against a contract line, with its on-time verdict (CR-10). */
@Entity('cr_delivery')
@Index(['contractNo'])
@Index(['committedDate'])
export class DeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  contractNo!: string;

  @Column({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'integer' })
  lineNo!: number;

  @Column({ type: 'varchar', length: 64 })
  partNo!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'varchar', length: 30 })
  deliveredAt!: string;

  @Column({ type: 'varchar', length: 10 })
  committedDate!: string;

  @Column({ type: 'boolean' })
  onTime!: boolean;

  @Column({ type: 'varchar', length: 255 })
  recordedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  recordedAt!: string;
}
