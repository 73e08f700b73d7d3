/**
 * Shapes of the API's answers. The instance shapes come from the one file that defines
 * what crosses the workflow boundary (type-only: nothing of Temporal reaches the bundle).
 */
import type {
  Incident,
  InstanceSnapshot,
  InstanceState,
  OpenTaskView,
  TimelineEntry,
} from '../../../workflows/protocol';

export type { Incident, InstanceSnapshot, InstanceState, OpenTaskView, TimelineEntry };

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface DefinitionSummary {
  processId: string;
  name: string | null;
  latestVersion: number;
  versions: { version: number; deployedAt: string; deployedBy: string }[];
}

export interface DefinitionVersion {
  processId: string;
  version: number;
  name: string | null;
  deployedAt: string;
  deployedBy: string;
  warnings: { elementId: string | null; rule: string; message: string }[] | null;
  xml: string;
}

export interface DeployResult {
  processId: string;
  version: number;
  warnings: { elementId: string | null; rule: string; message: string }[];
  processes: { processId: string; version: number }[];
}

export interface InstanceSummary {
  instanceId: string;
  processId?: string;
  version?: number;
  businessKey?: string;
  state: InstanceState;
  startedAt: string;
  closedAt?: string;
  /** Elements holding a token (the BpmnActiveElements search attribute); older servers leave it out. */
  activeElements?: string[];
}

export type InstanceDetail = InstanceSnapshot & { instanceId: string; startedAt: string; closedAt?: string };

export interface Task {
  taskId: string;
  instanceId: string;
  processId: string;
  version: number;
  elementId: string;
  name?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee?: string;
  formId?: string;
  state: 'open' | 'completed' | 'cancelled';
  createdAt: string;
  dueDate?: string;
  followUpDate?: string;
  completedAt?: string;
  completedBy?: string;
}

export interface TaskDetail extends Task {
  variables: Record<string, unknown>;
  form?: { formId: string; version: number; schema: FormSchema };
}

export interface FormSchema {
  id: string;
  type?: string;
  components: unknown[];
  [key: string]: unknown;
}

export interface FormSummary {
  formId: string;
  latestVersion: number;
}

/** GET /api/contracts/:contractNo (api/contracts/queries/contract-queries.service.ts). */
export type ItemVerdict = 'accept' | 'accept-with-measures' | 'reject' | 'not-applicable';

export interface ContractDetail {
  contractNo: string;
  customerId: string;
  channel: string;
  documentType: string;
  annual: boolean;
  oemSupply: boolean;
  automotive: boolean;
  newProduct: boolean;
  specialRequirements: { text: string; sourceDocument: string; symbol?: string }[];
  delivery: { method: string; place: string; packaging: string; transport: string } | null;
  paymentTerms: string;
  proposedClass: 'regular' | 'non-regular';
  classReasons: string[];
  contractClass: 'regular' | 'non-regular' | null;
  classOverrideReason: string | null;
  class: 'regular' | 'non-regular';
  reviewers: string[];
  reviewMode: string | null;
  specialCharacteristics: { characteristic: string; symbol: string; documentRef?: string }[];
  telephoneMemo: {
    memoText: string | null;
    customerContact: string | null;
    callDate: string | null;
    confirmationRequired: boolean;
  } | null;
  milestones: Record<string, Record<string, unknown>>;
  status: string;
  revision: number;
  instanceId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  retentionUntil: string | null;
  lines: {
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
  }[];
  revisions: {
    id: string;
    revision: number;
    requestedBy: 'customer' | 'company';
    changes: Record<string, unknown>;
    reason: string;
    recordedBy: string;
    recordedAt: string;
  }[];
  reviews: {
    id: string;
    revision: number;
    department: string;
    mode: string;
    checklist: Record<string, ItemVerdict>;
    verdict: Exclude<ItemVerdict, 'not-applicable'>;
    comments: string | null;
    recordedAt: string;
  }[];
  measures: {
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
  }[];
  changeNotices: {
    id: string;
    revision: number;
    department: string;
    summary: string;
    issuedAt: string;
    acknowledgedAt: string | null;
    acknowledgementNotes: string | null;
  }[];
  deliveries: {
    id: string;
    lineNo: number;
    partNo: string;
    quantity: number;
    deliveredAt: string;
    committedDate: string;
    onTime: boolean;
    recordedBy: string;
    recordedAt: string;
  }[];
  lateOrders: {
    id: string;
    lineNos: number[];
    source: 'auto' | 'declared';
    declaredBy: string | null;
    reason: string;
    originalDate: string;
    newDate: string | null;
    state: 'open' | 'escalated' | 'resolved';
    instanceId: string | null;
    openedAt: string;
    resolvedAt: string | null;
    reviews: {
      id: string;
      meeting: 'daily' | 'weekly';
      reason: string;
      newDate: string | null;
      communication: string;
      outcome: string;
      recordedAt: string;
    }[];
  }[];
}

/** GET /api/outbox?contractNo: customer (and internal) communications. */
export interface OutboxMessage {
  id: string;
  kind: string;
  contractNo: string | null;
  customerId: string | null;
  recipients: string[];
  subject: string;
  body: string;
  createdAt: string;
  deliveredAt: string | null;
  channel: string | null;
  attempts: number;
  lastError: string | null;
}

/** GET /api/kpi/review-lead-time */
export interface ReviewLeadTime {
  from: string | null;
  to: string | null;
  departments: {
    department: string;
    reviews: number;
    averageHours: number | null;
    medianHours: number | null;
    maxHours: number | null;
    open: number;
    oldestOpenHours: number | null;
  }[];
}

/** GET /api/decision-definitions */
export interface DecisionSummary {
  decisionId: string;
  name: string | null;
  latestVersion: number;
  versions: { version: number; versionTag: string | null; deployedAt: string; deployedBy: string }[];
}

/** GET /api/decision-definitions/:decisionId[/versions/:version] */
export interface DecisionVersion {
  decisionId: string;
  version: number;
  name: string | null;
  versionTag: string | null;
  decisionRequirementsId: string;
  deployedAt: string;
  deployedBy: string;
  xml: string;
}

/** POST /api/decision-definitions */
export interface DecisionDeployResult {
  decisionId: string;
  version: number;
  decisions: { decisionId: string; version: number; versionTag?: string }[];
  warnings: { elementId: string | null; rule: string; message: string }[];
}

/** POST /api/decision-definitions/:decisionId/evaluate */
export interface DecisionEvaluation {
  decisionId: string;
  version: number;
  result: unknown;
  evaluatedDecisions: {
    decisionId: string;
    decisionName?: string;
    decisionType: 'decisionTable' | 'literalExpression';
    result: unknown;
    matchedRules: { ruleId: string; ruleIndex: number; outputs: Record<string, unknown> }[];
  }[];
}
