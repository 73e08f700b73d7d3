import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A variable's current value per scope; its changes are history events. */
@Entity('history_variable')
export class HistoryVariableEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) executionId!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) scopeKey!: string;
  @PrimaryColumn({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 255 }) processId!: string;
  /** JSON of the value, cut at the store's limit when `truncated`. */
  @Column({ type: 'text' }) value!: string;
  @Column({ type: 'boolean', default: false }) truncated!: boolean;
  /** What `variables=name=value` compares with: a string as is, anything else as JSON (first 255 characters). */
  @Column({ type: 'varchar', length: 255 }) valueKey!: string;
  @Column({ type: 'varchar', length: 30 }) updatedAt!: string;
}
