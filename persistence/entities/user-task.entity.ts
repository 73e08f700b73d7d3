import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type UserTaskState = 'open' | 'completed' | 'cancelled';

/** A user task's record: written by the createUserTask activity, closed when the instance completes or cancels it. */
@Entity('user_task')
@Index(['state', 'dueDate'])
@Index(['instanceId'])
export class UserTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  taskId!: string;

  @Column({ type: 'varchar', length: 512 })
  instanceId!: string;

  @Column({ type: 'varchar', length: 255 })
  processId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ type: 'simple-json' })
  candidateGroups!: string[];

  @Column({ type: 'simple-json' })
  candidateUsers!: string[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  assignee!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  formId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: UserTaskState;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  dueDate!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  followUpDate!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  completedAt!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  completedBy!: string | null;

  /** Variables visible to the task when it opened (what its form shows). */
  @Column({ type: 'simple-json', nullable: true })
  variables!: Record<string, unknown> | null;
}
