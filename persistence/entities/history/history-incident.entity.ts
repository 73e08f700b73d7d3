import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('history_incident')
export class HistoryIncidentEntity {
  @PrimaryColumn({ type: 'varchar', length: 600 }) incidentId!: string;
  @Column({ type: 'varchar', length: 64 }) executionId!: string;
  @Column({ type: 'varchar', length: 512 }) instanceId!: string;
  @Column({ type: 'varchar', length: 255 }) processId!: string;
  @Column({ type: 'varchar', length: 255 }) elementId!: string;
  @Column({ type: 'varchar', length: 32 }) elementInstanceId!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ type: 'varchar', length: 16 }) state!: 'open' | 'resolved';
  @Column({ type: 'varchar', length: 30, nullable: true }) resolvedAt!: string | null;
  /** The operator whose retry resolved it (written by the API). */
  @Column({ type: 'varchar', length: 255, nullable: true }) resolvedBy!: string | null;
}
