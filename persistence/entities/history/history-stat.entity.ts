import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Heatmap counters per process version and element (history/element-stats.ts keeps them);
 * elementId '' counts the instances by state.
 */
@Entity('history_stat')
export class HistoryStatEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 }) processId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @PrimaryColumn({ type: 'varchar', length: 255 }) elementId!: string;
  @Column({ type: 'integer', default: 0 }) active!: number;
  @Column({ type: 'integer', default: 0 }) completed!: number;
  @Column({ type: 'integer', default: 0 }) terminated!: number;
  @Column({ type: 'integer', default: 0 }) failed!: number;
  /** Executions in which the element completed at least once. */
  @Column({ type: 'integer', default: 0 }) passed!: number;
  @Column({ type: 'bigint', default: 0 }) durationSum!: string | number;
  @Column({ type: 'integer', default: 0 }) durationCount!: number;
}
