import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A received customer document (CSR-1): the list of received external documents. */
@Entity('cr_csr_document')
@Index(['customerId'])
export class CsrDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  documentId!: string;

  @Column({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'varchar', length: 255 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  version!: string;

  /** contract, attachment, quality-agreement, technical-conditions, drawing, email. */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'varchar', length: 30 })
  receivedAt!: string;

  @Column({ type: 'varchar', length: 255 })
  receivedBy!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  transmittedAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  escalatedAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reviewedAt!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  changeNotes!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  instanceId!: string | null;
}

/** An entry of the CSR list per customer (顾客特殊要求清单), CSR-2/CSR-6. */
@Entity('cr_csr_requirement')
@Index(['customerId'])
export class CsrRequirementEntity {
  @PrimaryColumn({ type: 'varchar', length: 600 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'varchar', length: 128 })
  documentId!: string;

  @Column({ type: 'varchar', length: 32 })
  documentVersion!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'simple-json' })
  departments!: string[];

  /** APQP's feasibility verdict; `pending` or `not-feasible` blocks non-regular reviews of the customer (CSR-6). */
  @Column({ type: 'varchar', length: 16 })
  feasibility!: 'pending' | 'feasible' | 'not-feasible';

  @Column({ type: 'varchar', length: 16 })
  verification!: 'open' | 'verified';

  @Column({ type: 'varchar', length: 30, nullable: true })
  verifiedAt!: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;
}

/** The yearly confirmation that the latest CSR documents are in use (CSR-5). */
@Entity('cr_csr_annual_check')
@Index(['customerId', 'year'])
export class CsrAnnualCheckEntity {
  @PrimaryColumn({ type: 'varchar', length: 512 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'boolean' })
  allLatestInUse!: boolean;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'varchar', length: 30 })
  checkedAt!: string;
}
