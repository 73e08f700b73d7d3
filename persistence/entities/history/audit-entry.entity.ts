import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what: deploys, starts, cancels, retries, message publications, task completions. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment') id!: number;
  @Column({ type: 'varchar', length: 30 }) at!: string;
  @Column({ type: 'varchar', length: 255 }) user!: string;
  @Column({ type: 'varchar', length: 32 }) action!: string;
  @Column({ type: 'varchar', length: 512, nullable: true }) instanceId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) processId!: string | null;
  /** What the action was about: a task, an incident, a message name, a version. */
  @Column({ type: 'varchar', length: 600, nullable: true }) subject!: string | null;
  @Column({ type: 'text', nullable: true }) details!: string | null;
}
