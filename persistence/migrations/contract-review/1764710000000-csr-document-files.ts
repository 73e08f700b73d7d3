import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The files of received CSR documents (persistence/entities/contract-review/csr-file.entity.ts). */
export class CsrDocumentFiles1764710000000 implements MigrationInterface {
  name = 'CsrDocumentFiles1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cr_csr_document_file',
        columns: [
          { name: 'documentId', type: 'varchar', length: '128', isPrimary: true },
          { name: 'fileName', type: 'varchar', length: '255', isNullable: false },
          { name: 'contentType', type: 'varchar', length: '100', isNullable: false },
          { name: 'sizeBytes', type: 'integer', isNullable: false },
          { name: 'sha256', type: 'varchar', length: '64', isNullable: false },
          { name: 'content', type: 'text', isNullable: false },
          { name: 'uploadedBy', type: 'varchar', length: '255', isNullable: false },
          { name: 'uploadedAt', type: 'varchar', length: '30', isNullable: false },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('cr_csr_document_file');
  }
}
