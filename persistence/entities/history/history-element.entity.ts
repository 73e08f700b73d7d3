import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ElementState = 'active' | 'completed' | 'terminated';

/** One element instance: the heatmap's counts and durations, the active-element filter. */
@Entity('history_element')
export class HistoryElementEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) executionId!: string;
  /** The engine's element-instance key, or `~<seq>` for an element that started and ended in one step. */
  @PrimaryColumn({ type: 'varchar', length: 32 }) elementInstanceKey!: string;
  @Column({ type: 'varchar', length: 255 }) processId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 255 }) elementId!: string;
  @Column({ type: 'varchar', length: 64 }) elementType!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) name!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) scopeKey!: string | null;
  @Column({ type: 'varchar', length: 16 }) state!: ElementState;
  @Column({ type: 'varchar', length: 30, nullable: true }) startedAt!: string | null;
  @Column({ type: 'bigint', nullable: true }) startedMs!: string | number | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) endedAt!: string | null;
  @Column({ type: 'bigint', nullable: true }) durationMs!: string | number | null;
  /** Who completed it (user tasks). */
  @Column({ type: 'varchar', length: 255, nullable: true }) actor!: string | null;
}
