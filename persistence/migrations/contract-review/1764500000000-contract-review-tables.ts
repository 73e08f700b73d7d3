import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// The contract review process pack's records (persistence/entities/contract-review), written
// with the schema builder so that one migration serves SQLite and PostgreSQL alike.
const str = (name: string, length: number, nullable: boolean): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const text = (name: string, nullable: boolean): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export class ContractReviewTables1764500000000 implements MigrationInterface {
  name = 'ContractReviewTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cr_contract',
        columns: [
          { ...str('contractNo', 64, false), isPrimary: true },
          { ...str('customerId', 64, false) },
          { ...str('channel', 16, false) },
          { ...str('documentType', 32, false) },
          { name: 'annual', type: 'boolean', isNullable: false, default: false },
          { name: 'oemSupply', type: 'boolean', isNullable: false, default: false },
          { name: 'automotive', type: 'boolean', isNullable: false, default: false },
          { name: 'newProduct', type: 'boolean', isNullable: false, default: false },
          { ...text('specialRequirements', false) },
          { ...text('delivery', false) },
          { ...str('paymentTerms', 255, false) },
          { ...str('proposedClass', 16, false) },
          { ...text('classReasons', false) },
          { ...str('contractClass', 16, true) },
          { ...text('classOverrideReason', true) },
          { ...text('reviewers', false) },
          { ...str('reviewMode', 16, true) },
          { ...text('specialCharacteristics', false) },
          { ...text('telephoneMemo', true) },
          { ...text('milestones', false) },
          { ...str('status', 16, false) },
          { name: 'revision', type: 'integer', isNullable: false, default: 0 },
          { ...str('instanceId', 512, true) },
          { ...str('createdBy', 255, false) },
          { ...str('createdAt', 30, false) },
          { ...str('updatedAt', 30, false) },
          { ...str('archivedAt', 30, true) },
          { ...str('retentionUntil', 10, true) },
        ],
        indices: [
          new TableIndex({ columnNames: ['status'] }),
          new TableIndex({ columnNames: ['customerId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_contract_line',
        columns: [
          { ...str('id', 80, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { name: 'lineNo', type: 'integer', isNullable: false },
          { ...str('partNo', 64, false) },
          { name: 'quantity', type: 'integer', isNullable: false },
          { name: 'unitPrice', type: 'double precision', isNullable: false },
          { ...str('currency', 3, false) },
          { ...str('requestedDate', 10, false) },
          { ...str('committedDate', 10, false) },
          { name: 'deliveredQty', type: 'integer', isNullable: false, default: 0 },
          { ...str('lateRaisedAt', 30, true) },
        ],
        indices: [
          new TableIndex({ columnNames: ['committedDate'] }),
          new TableIndex({ columnNames: ['partNo'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_contract_revision',
        columns: [
          { ...str('id', 255, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { name: 'revision', type: 'integer', isNullable: false },
          { ...str('requestedBy', 16, false) },
          { ...text('changes', false) },
          { ...text('reason', false) },
          { ...str('recordedBy', 255, false) },
          { ...str('recordedAt', 30, false) },
        ],
        indices: [new TableIndex({ columnNames: ['contractNo","revision'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_csr_document',
        columns: [
          { ...str('documentId', 128, false), isPrimary: true },
          { ...str('customerId', 64, false) },
          { ...str('title', 255, false) },
          { ...str('version', 32, false) },
          { ...str('kind', 32, false) },
          { ...str('receivedAt', 30, false) },
          { ...str('receivedBy', 255, false) },
          { ...str('transmittedAt', 30, true) },
          { ...str('escalatedAt', 30, true) },
          { ...str('reviewedAt', 30, true) },
          { ...text('changeNotes', true) },
          { ...str('instanceId', 512, true) },
        ],
        indices: [new TableIndex({ columnNames: ['customerId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_csr_requirement',
        columns: [
          { ...str('id', 600, false), isPrimary: true },
          { ...str('customerId', 64, false) },
          { ...str('documentId', 128, false) },
          { ...str('documentVersion', 32, false) },
          { ...text('text', false) },
          { ...text('departments', false) },
          { ...str('feasibility', 16, false) },
          { ...str('verification', 16, false) },
          { ...str('verifiedAt', 30, true) },
          { ...str('createdAt', 30, false) },
        ],
        indices: [new TableIndex({ columnNames: ['customerId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_csr_annual_check',
        columns: [
          { ...str('id', 512, false), isPrimary: true },
          { ...str('customerId', 64, false) },
          { name: 'year', type: 'integer', isNullable: false },
          { name: 'allLatestInUse', type: 'boolean', isNullable: false },
          { ...text('notes', true) },
          { ...str('checkedAt', 30, false) },
        ],
        indices: [new TableIndex({ columnNames: ['customerId","year'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_kpi_target',
        columns: [
          { ...str('kpi', 64, false), isPrimary: true },
          { name: 'target', type: 'double precision', isNullable: false },
          { ...str('updatedBy', 255, false) },
          { ...str('updatedAt', 30, false) },
        ],
        indices: [],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_action_plan',
        columns: [
          { ...str('id', 128, false), isPrimary: true },
          { ...str('kpi', 64, false) },
          { ...str('period', 16, false) },
          { name: 'rate', type: 'double precision', isNullable: false },
          { name: 'target', type: 'double precision', isNullable: false },
          { ...str('owner', 255, true) },
          { ...text('actions', false) },
          { ...str('dueDate', 10, true) },
          { ...text('rootCause', true) },
          { ...str('state', 16, false) },
          { ...str('openedAt', 30, false) },
          { ...str('closedAt', 30, true) },
          { ...text('effectiveness', true) },
        ],
        indices: [new TableIndex({ columnNames: ['kpi","period'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_late_order',
        columns: [
          { ...str('id', 512, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { ...str('customerId', 64, false) },
          { ...text('lineNos', false) },
          { ...str('source', 16, false) },
          { ...str('declaredBy', 255, true) },
          { ...text('reason', false) },
          { ...str('originalDate', 10, false) },
          { ...str('newDate', 10, true) },
          { ...str('state', 16, false) },
          { ...str('instanceId', 512, true) },
          { ...str('openedAt', 30, false) },
          { ...str('resolvedAt', 30, true) },
        ],
        indices: [
          new TableIndex({ columnNames: ['contractNo'] }),
          new TableIndex({ columnNames: ['state'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_late_order_review',
        columns: [
          { ...str('id', 512, false), isPrimary: true },
          { ...str('lateOrderId', 512, false) },
          { ...str('meeting', 16, false) },
          { ...text('reason', false) },
          { ...str('newDate', 10, true) },
          { ...text('communication', false) },
          { ...str('outcome', 16, false) },
          { ...str('recordedAt', 30, false) },
        ],
        indices: [new TableIndex({ columnNames: ['lateOrderId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_five_d_report',
        columns: [
          { ...str('id', 512, false), isPrimary: true },
          { ...str('lateOrderId', 512, false) },
          { ...str('contractNo', 64, false) },
          { ...text('disciplines', false) },
          { ...str('state', 16, false) },
          { ...str('openedAt', 30, false) },
          { ...str('closedAt', 30, true) },
        ],
        indices: [new TableIndex({ columnNames: ['state'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_part',
        columns: [
          { ...str('partNo', 64, false), isPrimary: true },
          { ...str('description', 255, false) },
          { name: 'stockQty', type: 'integer', isNullable: false },
          { name: 'leadTimeDays', type: 'integer', isNullable: false },
          { name: 'dailyCapacity', type: 'integer', isNullable: false },
          { ...str('activeUntil', 10, true) },
          { ...str('updatedAt', 30, false) },
        ],
        indices: [],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_customer',
        columns: [
          { ...str('customerId', 64, false), isPrimary: true },
          { ...str('name', 255, false) },
          { name: 'oem', type: 'boolean', isNullable: false, default: false },
          { ...text('symbols', false) },
          { name: 'extraRetentionYears', type: 'integer', isNullable: false, default: 0 },
          { ...str('updatedAt', 30, false) },
        ],
        indices: [],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_outbox',
        columns: [
          { ...str('id', 600, false), isPrimary: true },
          { ...str('kind', 48, false) },
          { ...str('contractNo', 64, true) },
          { ...str('customerId', 64, true) },
          { ...text('recipients', false) },
          { ...str('subject', 255, false) },
          { ...text('body', false) },
          { ...str('createdAt', 30, false) },
          { ...str('claimedAt', 30, true) },
          { ...str('deliveredAt', 30, true) },
          { ...str('channel', 32, true) },
          { name: 'attempts', type: 'integer', isNullable: false, default: 0 },
          { ...text('lastError', true) },
        ],
        indices: [
          new TableIndex({ columnNames: ['contractNo'] }),
          new TableIndex({ columnNames: ['deliveredAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_review',
        columns: [
          { ...str('id', 512, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { name: 'revision', type: 'integer', isNullable: false },
          { ...str('department', 32, false) },
          { ...str('mode', 16, false) },
          { ...text('checklist', false) },
          { ...str('verdict', 32, false) },
          { ...text('comments', true) },
          { ...str('recordedAt', 30, false) },
        ],
        indices: [new TableIndex({ columnNames: ['contractNo","revision'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_measure',
        columns: [
          { ...str('id', 600, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { name: 'revision', type: 'integer', isNullable: false },
          { ...str('reviewId', 512, false) },
          { ...text('description', false) },
          { ...str('department', 32, false) },
          { ...str('owner', 255, false) },
          { ...str('dueDate', 10, false) },
          { ...str('status', 16, false) },
          { ...text('evidence', true) },
          { ...str('completedAt', 30, true) },
        ],
        indices: [new TableIndex({ columnNames: ['contractNo","status'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_change_notice',
        columns: [
          { ...str('id', 120, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { name: 'revision', type: 'integer', isNullable: false },
          { ...str('department', 32, false) },
          { ...text('summary', false) },
          { ...str('issuedAt', 30, false) },
          { ...str('acknowledgedAt', 30, true) },
          { ...text('acknowledgementNotes', true) },
        ],
        indices: [new TableIndex({ columnNames: ['contractNo","revision","department'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cr_delivery',
        columns: [
          { ...str('id', 120, false), isPrimary: true },
          { ...str('contractNo', 64, false) },
          { ...str('customerId', 64, false) },
          { name: 'lineNo', type: 'integer', isNullable: false },
          { ...str('partNo', 64, false) },
          { name: 'quantity', type: 'integer', isNullable: false },
          { ...str('deliveredAt', 30, false) },
          { ...str('committedDate', 10, false) },
          { name: 'onTime', type: 'boolean', isNullable: false },
          { ...str('recordedBy', 255, false) },
          { ...str('recordedAt', 30, false) },
        ],
        indices: [
          new TableIndex({ columnNames: ['committedDate'] }),
          new TableIndex({ columnNames: ['contractNo'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'cr_delivery',
      'cr_change_notice',
      'cr_measure',
      'cr_review',
      'cr_outbox',
      'cr_customer',
      'cr_part',
      'cr_five_d_report',
      'cr_late_order_review',
      'cr_late_order',
      'cr_action_plan',
      'cr_kpi_target',
      'cr_csr_annual_check',
      'cr_csr_requirement',
      'cr_csr_document',
      'cr_contract_revision',
      'cr_contract_line',
      'cr_contract',
    ])
      await q.dropTable(table);
  }
}
