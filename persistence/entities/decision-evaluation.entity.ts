import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which decision version a business rule task evaluated, with what result: Zeebe's decision
 * evaluation record. One row per job (`jobKey`), so a retried activity writes it once.
 */
@Entity('decision_evaluation')
@Index(['instanceId'])
export class DecisionEvaluationEntity {
  @PrimaryColumn({ type: 'varchar', length: 700 })
  jobKey!: string;

  @Column({ type: 'varchar', length: 512 })
  instanceId!: string;

  @Column({ type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ type: 'varchar', length: 255 })
  decisionId!: string;

  @Column({ type: 'integer' })
  decisionVersion!: number;

  @Column({ type: 'simple-json' })
  result!: unknown;

  /** Every decision evaluated (required ones first) with its matched rules. */
  @Column({ type: 'simple-json' })
  evaluatedDecisions!: unknown[];

  @Column({ type: 'varchar', length: 30 })
  evaluatedAt!: string;
}
