/** One typed function per API endpoint the UI calls (see api/**\/*.controller.ts). */
import type { SettingsResponse } from '../../../api/settings/settings.response';
import { api, seg } from './client';
import type {
  AuditEntryView,
  DecisionDeployResult,
  DecisionEvaluation,
  DecisionSummary,
  DecisionVersion,
  DefinitionSummary,
  DefinitionVersion,
  DeployResult,
  FormSchema,
  FormSummary,
  InstanceDetail,
  InstanceState,
  InstanceSummary,
  Page,
  Task,
  TaskDetail,
  TimelineItemView,
} from './types';

export const settings = {
  get: () => api.get<SettingsResponse>('/settings', { anonymous: true }),
};

export const auth = {
  devToken: (user: string, groups: string[]) =>
    api.post<{ token: string }>('/auth/token', { user, groups }, { anonymous: true }),
};

export const definitions = {
  list: () => api.get<DefinitionSummary[]>('/process-definitions'),
  latest: (processId: string) => api.get<DefinitionVersion>(`/process-definitions/${seg(processId)}`),
  version: (processId: string, version: number) =>
    api.get<DefinitionVersion>(`/process-definitions/${seg(processId)}/versions/${version}`),
  deploy: (xml: string) => api.post<DeployResult>('/process-definitions', { xml }),
};

export const decisions = {
  list: () => api.get<DecisionSummary[]>('/decision-definitions'),
  latest: (decisionId: string) => api.get<DecisionVersion>(`/decision-definitions/${seg(decisionId)}`),
  deploy: (xml: string) => api.post<DecisionDeployResult>('/decision-definitions', { xml }),
  lint: (xml: string) =>
    api.post<{ errors: { elementId: string | null; rule: string; message: string }[] }>(
      '/decision-definitions/lint',
      { xml },
    ),
  evaluate: (decisionId: string, variables: Record<string, unknown>) =>
    api.post<DecisionEvaluation>(`/decision-definitions/${seg(decisionId)}/evaluate`, { variables }),
};

export interface InstanceFilter {
  processId?: string;
  version?: number;
  state?: InstanceState;
  businessKey?: string;
  startedFrom?: string;
  startedTo?: string;
  endedFrom?: string;
  endedTo?: string;
  activeElement?: string;
  hasIncident?: boolean;
  /** `name=value` pairs: root-scope variables equal to the value. */
  variables?: string[];
  limit?: number;
  cursor?: string;
}

export interface AuditQuery {
  instanceId?: string;
  user?: string;
  action?: AuditEntryView['action'];
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** Who did what (GET /api/audit), newest first. */
export const audit = {
  list: (query: AuditQuery) => api.get<Page<AuditEntryView>>('/audit', { query: { ...query } }),
};

export const instances = {
  list: (filter: InstanceFilter = {}) =>
    api.get<Page<InstanceSummary>>('/process-instances', { query: { ...filter } }),
  get: (instanceId: string) => api.get<InstanceDetail>(`/process-instances/${seg(instanceId)}`),
  /** The instance's timeline merged with its called instances' (each entry names its instance). */
  timeline: (instanceId: string) =>
    api.get<TimelineItemView[]>(`/process-instances/${seg(instanceId)}/timeline`),
  cancel: (instanceId: string) =>
    api.post<{ instanceId: string }>(`/process-instances/${seg(instanceId)}/cancel`),
};

export const tasks = {
  list: (query: {
    candidateGroup?: string;
    candidateUser?: string;
    state?: Task['state'];
    instanceId?: string;
    limit?: number;
    cursor?: string;
  }) => api.get<Page<Task>>('/tasks', { query }),
  get: (taskId: string) => api.get<TaskDetail>(`/tasks/${seg(taskId)}`),
  complete: (taskId: string, variables: Record<string, unknown>) =>
    api.post<{ taskId: string; completedAt: string }>(`/tasks/${seg(taskId)}/complete`, { variables }),
};

export const forms = {
  list: () => api.get<FormSummary[]>('/forms'),
  latest: (formId: string) =>
    api.get<{ formId: string; version: number; deployedAt: string; schema: FormSchema }>(
      `/forms/${seg(formId)}`,
    ),
  deploy: (schema: FormSchema) => api.post<{ formId: string; version: number }>('/forms', schema),
};

export const incidents = {
  retry: (incidentId: string) =>
    api.post<{ incidentId: string; retried: boolean }>(`/incidents/${seg(incidentId)}/retry`),
};
