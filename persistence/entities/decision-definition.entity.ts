import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionGraph } from '../../model/dmn/decision-graph';

/**
 * One deployed version of one DMN decision. A DMN file with several decisions (a DRG) gives
 * each its own row; every row carries the whole compiled graph, so a decision evaluates its
 * required decisions exactly as they were deployed with it (as Zeebe does).
 */
@Entity('decision_definition')
@Index(['decisionId', 'version'], { unique: true })
@Index(['decisionId', 'versionTag'])
export class DecisionDefinitionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  decisionId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  /** zeebe:versionTag of the decision, for the called-decision binding `versionTag`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  versionTag!: string | null;

  /** The DMN `definitions` id (Zeebe's decision requirements id). */
  @Column({ type: 'varchar', length: 255 })
  definitionsId!: string;

  /** sha256 of the deployed XML: deploying identical XML returns the existing version. */
  @Column({ type: 'varchar', length: 64 })
  xmlHash!: string;

  @Column({ type: 'text' })
  xml!: string;

  @Column({ type: 'simple-json' })
  graph!: DecisionGraph;

  @Column({ type: 'varchar', length: 255 })
  deployedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  deployedAt!: string;
}
