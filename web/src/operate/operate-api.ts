/** The operator endpoints (api/instance-operations, api/batch-operations). */
import type { BatchProgress } from '../../../workflows/batch-protocol';
import type {
  MigrationMapping,
  MigrationProblem,
  ModificationInstructions,
  OperationResult,
} from '../../../workflows/protocol';
import { api, seg } from '../api/client';

export type { BatchProgress, MigrationMapping, MigrationProblem, ModificationInstructions };

export interface MigrationPlanReport {
  valid: boolean;
  problems: (MigrationProblem & { instanceId?: string })[];
  mappings: MigrationMapping[];
}

export interface BatchSummary {
  batchId: string;
  startedAt: string;
  running: boolean;
}

export const operations = {
  modify: (instanceId: string, m: ModificationInstructions) =>
    api.post<OperationResult>(`/process-instances/${seg(instanceId)}/modification`, m),
  migrate: (instanceId: string, targetVersion: number, mappings: MigrationMapping[]) =>
    api.post<OperationResult>(`/process-instances/${seg(instanceId)}/migration`, { targetVersion, mappings }),
  validatePlan: (
    processId: string,
    version: number,
    body: { targetVersion: number; mappings: MigrationMapping[]; instanceIds?: string[] },
  ) =>
    api.post<MigrationPlanReport>(
      `/process-definitions/${seg(processId)}/versions/${version}/migration-plan/validate`,
      body,
    ),
};

export const batches = {
  create: (body: {
    operation: 'cancel' | 'retry' | 'modify' | 'migrate';
    instanceIds?: string[];
    filter?: Record<string, unknown>;
    migration?: { targetVersion: number; mappings: MigrationMapping[] };
  }) => api.post<{ batchId: string; total: number }>('/batch-operations', body),
  list: () => api.get<BatchSummary[]>('/batch-operations'),
  get: (batchId: string) => api.get<BatchProgress>(`/batch-operations/${seg(batchId)}`),
  control: (batchId: string, action: 'suspend' | 'resume' | 'cancel') =>
    api.post<BatchProgress>(`/batch-operations/${seg(batchId)}/${action}`, {}),
};
