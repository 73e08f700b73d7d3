import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The file of a received customer document (CSR-1): the PDF, the e-mail or its printout,
 * kept with the document version it arrived as, for as long as the document. Stored in
 * the database (base64 in a text column: one schema for SQLite and PostgreSQL, and every
 * API process reads the same files); `sha256` is checked again on every download.
 */
@Entity('cr_csr_document_file')
export class CsrDocumentFileEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  documentId!: string;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  /** Hex SHA-256 of the file's bytes. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** The bytes, base64. */
  @Column({ type: 'text', select: false })
  content!: string;

  @Column({ type: 'varchar', length: 255 })
  uploadedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  uploadedAt!: string;
}
