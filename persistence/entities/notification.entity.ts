import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The address book of notifications: a symbolic recipient (`group:sales`,
 * `customer:chrysler`, `user:li.lei`) and the mail addresses it stands for.
 */
@Entity('mail_address')
export class MailAddressEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  recipient!: string;

  @Column({ type: 'simple-json' })
  addresses!: string[];

  @Column({ type: 'varchar', length: 255 })
  updatedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;
}

export type TaskNoticeKind = 'new' | 'due-tomorrow' | 'overdue';

/** One notice about one task (at most one per task and kind), and its delivery. */
@Entity('task_notice')
@Index(['taskId'])
@Index(['deliveredAt'])
export class TaskNoticeEntity {
  /** `<taskId>|<kind>`: the idempotency key of the notice. */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  taskId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: TaskNoticeKind;

  @Column({ type: 'simple-json' })
  recipients!: string[];

  @Column({ type: 'varchar', length: 512 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  /** Set by the dispatcher that is delivering it (two API processes never send one notice twice). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  claimedAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  deliveredAt!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  channel!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
