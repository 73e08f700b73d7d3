/**
 * GET /api/contracts/:contractNo: the contract with everything the procedure records about
 * it. Type-only and self-contained: the API's query service is declared to return it and
 * the web UI imports it, so a renamed field is a compile error on both sides.
 */
import type { ContractClass, ContractStatus } from '../../records/ledger.response';
import type { LateOrderRow } from '../../late-orders/late-orders.response';

export type ItemVerdict = 'accept' | 'accept-with-measures' | 'reject' | 'not-applicable';

export interface ContractLine {
  id: string;
  lineNo: number;
  partNo: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  requestedDate: string;
  committedDate: string;
  deliveredQty: number;
  lateRaisedAt: string | null;
}

export interface ContractRevision {
  id: string;
  revision: number;
  requestedBy: 'customer' | 'company';
  changes: Record<string, unknown>;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface DepartmentReview {
  id: string;
  revision: number;
  department: string;
  mode: string;
  checklist: Record<string, ItemVerdict>;
  verdict: Exclude<ItemVerdict, 'not-applicable'>;
  comments: string | null;
  recordedAt: string;
}

export interface ReviewMeasure {
  id: string;
  revision: number;
  reviewId: string;
  description: string;
  department: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'done';
  evidence: string | null;
  completedAt: string | null;
}

export interface ChangeNotice {
  id: string;
  revision: number;
  department: string;
  summary: string;
  issuedAt: string;
  acknowledgedAt: string | null;
  acknowledgementNotes: string | null;
}

export interface Delivery {
  id: string;
  lineNo: number;
  partNo: string;
  quantity: number;
  deliveredAt: string;
  committedDate: string;
  onTime: boolean;
  recordedBy: string;
  recordedAt: string;
}

export interface TelephoneMemo {
  memoText: string | null;
  customerContact: string | null;
  callDate: string | null;
  confirmationRequired: boolean;
}

export interface ContractDetail {
  contractNo: string;
  customerId: string;
  channel: 'document' | 'edi' | 'email' | 'phone';
  documentType: string;
  annual: boolean;
  oemSupply: boolean;
  automotive: boolean;
  newProduct: boolean;
  specialRequirements: { text: string; sourceDocument: string; symbol?: string }[];
  delivery: { method: string; place: string; packaging: string; transport: string } | null;
  paymentTerms: string;
  proposedClass: ContractClass;
  classReasons: string[];
  contractClass: ContractClass | null;
  classOverrideReason: string | null;
  /** The confirmed class, else the proposal. */
  class: ContractClass;
  reviewers: string[];
  reviewMode: string | null;
  specialCharacteristics: { characteristic: string; symbol: string; documentRef?: string }[];
  telephoneMemo: TelephoneMemo | null;
  /** Costing, feasibility, signature, customer confirmation, archive…: step → recorded data. */
  milestones: Record<string, Record<string, unknown>>;
  status: ContractStatus;
  revision: number;
  instanceId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  retentionUntil: string | null;
  lines: ContractLine[];
  revisions: ContractRevision[];
  reviews: DepartmentReview[];
  measures: ReviewMeasure[];
  changeNotices: ChangeNotice[];
  deliveries: Delivery[];
  lateOrders: Omit<LateOrderRow, 'contractNo' | 'customerId'>[];
}
