import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Projection of an instance's incident, so incidents can be listed across instances. */
@Entity('incident')
@Index(['resolved', 'createdAt'])
export class IncidentEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  incidentId!: string;

  @Column({ type: 'varchar', length: 512 })
  instanceId!: string;

  @Column({ type: 'varchar', length: 255 })
  processId!: string;

  @Column({ type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'boolean', default: false })
  resolved!: boolean;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  resolvedAt!: string | null;
}
