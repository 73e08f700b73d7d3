/** Answers of the pack's record endpoints (type-only: imported by the API and the web UI). */
export type ContractClass = 'regular' | 'non-regular';
export type ContractStatus =
  'intake' | 'in-review' | 'negotiation' | 'signed' | 'executing' | 'completed' | 'declined';

/** One row of the contract ledger (合同台帐), GET /api/contract-ledger. */
export interface LedgerRow {
  contractNo: string;
  customerId: string;
  class: ContractClass;
  status: ContractStatus;
  revision: number;
  instanceId: string | null;
  createdAt: string;
  lines: { lineNo: number; partNo: string; quantity: number; committedDate: string; deliveredQty: number }[];
  /** An open or escalated late order exists. */
  late: boolean;
  lateOrders: number;
}

export interface LedgerResponse {
  items: LedgerRow[];
  /** More rows matched than the page holds. */
  truncated: boolean;
}
