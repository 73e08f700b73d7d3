import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The answer given to a write request with a key (a contract number, a delivery note, a
 * messageId): a retry of the same request gets the same answer instead of a conflict, and a
 * different request under a used key is told so (api/instance-commands/idempotent-requests.service.ts).
 */
@Entity('idempotent_request')
export class IdempotentRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope!: string;

  @PrimaryColumn({ type: 'varchar', length: 600 })
  key!: string;

  /** sha256 of the request's canonical JSON. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'simple-json' })
  response!: unknown;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;
}
