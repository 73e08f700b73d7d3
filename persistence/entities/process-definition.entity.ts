import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcessGraph } from '../../model/process-graph';
import type { ModelProblem } from '../../model/problem';

/** One deployed version of one executable process. Times are ISO-8601 UTC strings (portable across SQLite and PostgreSQL). */
@Entity('process_definition')
@Index(['processId', 'version'], { unique: true })
@Index(['processId', 'xmlHash'])
export class ProcessDefinitionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  processId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  /** sha256 of the deployed XML: deploying identical XML returns the existing version. */
  @Column({ type: 'varchar', length: 64 })
  xmlHash!: string;

  @Column({ type: 'text' })
  xml!: string;

  @Column({ type: 'simple-json' })
  graph!: ProcessGraph;

  @Column({ type: 'simple-json' })
  warnings!: ModelProblem[];

  @Column({ type: 'varchar', length: 255 })
  deployedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  deployedAt!: string;
}
