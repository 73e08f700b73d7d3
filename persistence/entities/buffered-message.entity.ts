import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message published with a time to live (Zeebe's buffered message): kept until it expires,
 * correlated by the API's buffered-message dispatcher to subscriptions that open later, at
 * most once per process (Zeebe's message cardinality), the processes it reached listed here.
 */
@Entity('buffered_message')
@Index(['expiresAt'])
export class BufferedMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  messageId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** '' when the message has no correlation key. */
  @Column({ type: 'varchar', length: 255 })
  correlationKey!: string;

  @Column({ type: 'simple-json' })
  variables!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 30 })
  expiresAt!: string;

  /** Process ids it was correlated to (signalled or started). */
  @Column({ type: 'simple-json' })
  correlatedProcessIds!: string[];

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  /** A dispatcher holds the row until then (several API processes share the table). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  leaseUntil!: string | null;
}
