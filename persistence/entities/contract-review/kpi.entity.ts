import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A KPI's target, e.g. on-time delivery 0.95 (CR-10). */
@Entity('cr_kpi_target')
export class KpiTargetEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kpi!: string;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'varchar', length: 255 })
  updatedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;
}

/** Corrective/preventive action plan (纠正/预防措施计划表) opened when a target is missed. */
@Entity('cr_action_plan')
@Index(['kpi', 'period'], { unique: true })
export class ActionPlanEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  kpi!: string;

  /** `2026-12` or `2026-W49`. */
  @Column({ type: 'varchar', length: 16 })
  period!: string;

  @Column({ type: 'double precision' })
  rate!: number;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  owner!: string | null;

  @Column({ type: 'simple-json' })
  actions!: string[];

  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate!: string | null;

  @Column({ type: 'text', nullable: true })
  rootCause!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: 'open' | 'planned' | 'closed';

  @Column({ type: 'varchar', length: 30 })
  openedAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  closedAt!: string | null;

  @Column({ type: 'text', nullable: true })
  effectiveness!: string | null;
}
