import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every exported record, keyed by execution and sequence: the idempotency key of the
 * exporter (a record delivered twice is ignored) and the source of timelines, variable
 * histories and task lifecycles.
 */
@Entity('history_event')
export class HistoryEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) executionId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  /** instance | timeline | variable | incident | task-opened | task-closed */
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ type: 'varchar', length: 30 }) at!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) elementId!: string | null;
  /** The record as JSON (variable values cut at the store's limit, see history/value-text.ts). */
  @Column({ type: 'text' }) data!: string;
}
