import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** broadcast: a signal for every instance waiting for it and every process it starts (api/signals/). */
/** complete-task: a user task completion (the completeTask Update, its update id from the command id). */
export type InstanceCommandKind = 'start' | 'message' | 'broadcast' | 'complete-task';
/** pending: not yet accepted by Temporal; delivered: accepted; rejected: Temporal refused it for good (see lastError). */
export type InstanceCommandState = 'pending' | 'delivered' | 'rejected';

/**
 * The transactional outbox between the database and Temporal: a command for a process instance
 * (start it, pass it a message), written in the same transaction as the domain rows that need
 * it and drained until Temporal accepts it (api/instance-commands/). Delivery is idempotent:
 * starts carry the command id as Temporal request id, messages their messageId.
 */
@Entity('instance_command')
@Index(['state', 'nextAttemptAt'])
export class InstanceCommandEntity {
  /** From the caller's keys (e.g. the workflow id and the message id), never from a count. */
  @PrimaryColumn({ type: 'varchar', length: 700 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: InstanceCommandKind;

  @Column({ type: 'varchar', length: 512 })
  workflowId!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  state!: InstanceCommandState;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 30 })
  nextAttemptAt!: string;

  /** A dispatcher holds the command until then (several API processes drain one outbox). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  leaseUntil!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  deliveredAt!: string | null;
}
