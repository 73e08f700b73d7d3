import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InstanceStatus } from '../../../engine/state';

/** One process instance execution as the exporter saw it; survives Temporal's retention. */
@Entity('history_instance')
export class HistoryInstanceEntity {
  /** The first run's id: stable across continue-as-new, unique although instance ids are reused. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) executionId!: string;
  @Column({ type: 'varchar', length: 512 }) instanceId!: string;
  @Column({ type: 'varchar', length: 64 }) lastRunId!: string;
  @Column({ type: 'varchar', length: 255 }) processId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 255 }) businessKey!: string;
  @Column({ type: 'varchar', length: 16 }) state!: InstanceStatus;
  @Column({ type: 'varchar', length: 30 }) startedAt!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) endedAt!: string | null;
  @Column({ type: 'bigint', nullable: true }) durationMs!: string | number | null;
  @Column({ type: 'varchar', length: 512, nullable: true }) parentInstanceId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) parentExecutionId!: string | null;
  @Column({ type: 'boolean', default: false }) hasIncident!: boolean;
  /** Highest record number written (the exporter's sequence). */
  @Column({ type: 'integer' }) lastSeq!: number;
  @Column({ type: 'varchar', length: 255, nullable: true }) cancelledBy!: string | null;
  @Column({ type: 'varchar', length: 30 }) updatedAt!: string;
}
