import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A customer (or internal) communication, written in the same activity that decides it and
 * delivered afterwards by a pluggable channel. The id is the event's idempotency key, so a
 * retried activity never writes a second message; `deliveredAt` is set once.
 */
@Entity('cr_outbox')
@Index(['deliveredAt'])
@Index(['contractNo'])
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 600 })
  id!: string;

  /** stamped-contract, confirmation-request, confirmation-reminder, negotiation, late-order-notice, late-order-reply, meeting-decision, late-order-closed, csr-escalation, change-distribution. */
  @Column({ type: 'varchar', length: 48 })
  kind!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contractNo!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  customerId!: string | null;

  /** `customer:<id>` or `group:<candidate group>`. */
  @Column({ type: 'simple-json' })
  recipients!: string[];

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

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
