import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One deployed version of a form-js form, referenced from user tasks by `formId` (latest version). */
@Entity('form')
@Index(['formId', 'version'], { unique: true })
export class FormEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  formId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 64 })
  schemaHash!: string;

  @Column({ type: 'simple-json' })
  schema!: FormSchema;

  @Column({ type: 'varchar', length: 255 })
  deployedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  deployedAt!: string;
}

/** The parts of a form-js schema the server reads. */
export interface FormSchema {
  id: string;
  type: 'default';
  components: FormComponent[];
  [key: string]: unknown;
}

export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  components?: FormComponent[];
  values?: { value: unknown; label?: string }[];
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
  [key: string]: unknown;
}
