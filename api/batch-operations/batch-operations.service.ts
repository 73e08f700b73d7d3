import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  BATCH_OPERATION_WORKFLOW,
  batchProgressQuery,
  batchWorkflowId,
  cancelBatchSignal,
  resumeBatchSignal,
  suspendBatchSignal,
  type BatchInput,
  type BatchProgress,
} from '../../workflows/batch-protocol';
import { ENGINE_TASK_QUEUE } from '../../workflows/protocol';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../errors/domain-error';
import { OperatorAudit } from '../instance-operations/operator-audit';
import { visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import type { CreateBatchRequest } from './batch-operation.request.dto';
import { BatchSelection } from './batch-selection.service';

/** Batch operations: each one a `batchOperation` workflow (workflows/batch-operation.ts). */
@Injectable()
export class BatchOperations {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly selection: BatchSelection,
    private readonly audit: OperatorAudit,
  ) {}

  async create(
    request: CreateBatchRequest,
    principal: Principal,
  ): Promise<{ batchId: string; total: number }> {
    if (request.operation === 'migrate' && !request.migration)
      throw badRequest(
        'BATCH.MIGRATION_REQUIRED',
        'a migrate batch needs migration { targetVersion, mappings }',
      );
    if (request.operation === 'modify' && !request.modification)
      throw badRequest(
        'BATCH.MODIFICATION_REQUIRED',
        'a modify batch needs modification { activate, terminate, move, variables }',
      );
    if (!request.instanceIds && !request.filter)
      throw badRequest('BATCH.NO_SELECTION', 'name the instances: instanceIds or filter');
    const ids = new Set(request.instanceIds ?? []);
    if (request.filter) for (const id of await this.selection.select(request.filter)) ids.add(id);
    if (ids.size === 0) throw badRequest('BATCH.EMPTY', 'no instance matches the selection');
    const batchId = randomUUID();
    const input: BatchInput = {
      batchId,
      operation: request.operation,
      operator: principal.user,
      instanceIds: [...ids],
      ...(request.migration
        ? {
            migration: {
              targetVersion: request.migration.targetVersion,
              mappings: request.migration.mappings ?? [],
            },
          }
        : {}),
      ...(request.modification ? { modification: { ...request.modification } } : {}),
      ...(request.itemsPerSecond ? { itemsPerSecond: request.itemsPerSecond } : {}),
      ...(request.chunkSize ? { chunkSize: request.chunkSize } : {}),
    };
    await this.client.workflow.start(BATCH_OPERATION_WORKFLOW, {
      taskQueue: ENGINE_TASK_QUEUE,
      workflowId: batchWorkflowId(batchId),
      args: [input],
    });
    await this.audit.record({
      user: principal.user,
      action: 'batch.create',
      subject: batchId,
      details: {
        operation: request.operation,
        total: ids.size,
        filter: request.filter,
        migration: request.migration,
      },
    });
    return { batchId, total: ids.size };
  }

  async get(batchId: string): Promise<BatchProgress> {
    const handle = this.client.workflow.getHandle(batchWorkflowId(batchId));
    try {
      const description = await handle.describe();
      if (description.status.name === 'COMPLETED') return (await handle.result()) as BatchProgress;
      return await handle.query(batchProgressQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw notFound('BATCH.NOT_FOUND', `No batch operation ${batchId}`);
      throw error;
    }
  }

  async list(limit: number): Promise<{ batchId: string; startedAt: string; running: boolean }[]> {
    const items: { batchId: string; startedAt: string; running: boolean }[] = [];
    const query = `WorkflowType = ${visibilityLiteral(BATCH_OPERATION_WORKFLOW)} AND ExecutionStatus != 'ContinuedAsNew'`;
    for await (const execution of this.client.workflow.list({ query, pageSize: limit })) {
      items.push({
        batchId: execution.workflowId.replace(/^batch\//, ''),
        startedAt: execution.startTime.toISOString(),
        running: execution.status.name === 'RUNNING',
      });
      if (items.length >= limit) break;
    }
    return items;
  }

  async control(
    batchId: string,
    action: 'suspend' | 'resume' | 'cancel',
    principal: Principal,
  ): Promise<BatchProgress> {
    const handle = this.client.workflow.getHandle(batchWorkflowId(batchId));
    const progress = await this.get(batchId);
    if (progress.state === 'COMPLETED' || progress.state === 'CANCELLED')
      throw conflict('BATCH.ENDED', `batch ${batchId} has ended (${progress.state.toLowerCase()})`);
    const signal = { suspend: suspendBatchSignal, resume: resumeBatchSignal, cancel: cancelBatchSignal }[
      action
    ];
    await handle.signal(signal);
    await this.audit.record({ user: principal.user, action: `batch.${action}`, subject: batchId });
    return handle.query(batchProgressQuery);
  }
}
