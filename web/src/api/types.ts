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

import type {
  AuditEntryView,
  InstanceDetailView,
  InstanceSummaryView,
  ProcessStatisticsView,
  TimelineItemView,
} from '../../../history/history-views';

export type { Incident, InstanceSnapshot, InstanceState, OpenTaskView, TimelineEntry };
/** The store's answers (history/history-views.ts, shared with the API). */
export type { AuditEntryView, ProcessStatisticsView, TimelineItemView };

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

export type InstanceSummary = InstanceSummaryView;

export type InstanceDetail = InstanceDetailView;

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
