/**
 * Operator actions on one running instance through its Updates, shared by the API (one
 * instance) and the batch activities (many): modification, migration, cancel, incident retry.
 * Refusals come back as `OperationError` with the code the workflow's validator gave them.
 * An `updateId` makes a repeated request (a retried batch chunk) apply once.
 */
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { ProcessDefinitionEntity } from '../../persistence/entities';
import {
  migrateInstanceUpdate,
  modifyInstanceUpdate,
  retryIncidentUpdate,
  snapshotQuery,
  type MigrationMapping,
  type ModificationInstructions,
  type OperationResult,
} from '../../workflows/protocol';

export type OperationErrorKind = 'bad-request' | 'not-found' | 'conflict';

export class OperationError extends Error {
  constructor(
    readonly kind: OperationErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface MigrationRequest {
  targetVersion: number;
  mappings: MigrationMapping[];
}

export class InstanceOperator {
  /** Deployed versions never change: a batch reads its target graph once. */
  private readonly definitions = new Map<string, Promise<ProcessDefinitionEntity>>();

  constructor(
    private readonly client: Client,
    private readonly dataSource: DataSource,
  ) {}

  async modify(
    instanceId: string,
    instructions: ModificationInstructions,
    operator: string,
    updateId?: string,
  ): Promise<OperationResult> {
    const handle = await this.running(instanceId);
    return this.update(() =>
      handle.executeUpdate(modifyInstanceUpdate, {
        args: [{ ...pick(instructions), operator }],
        ...(updateId ? { updateId } : {}),
      }),
    );
  }

  async migrate(
    instanceId: string,
    request: MigrationRequest,
    operator: string,
    repeat?: { updateId: string; retrying: boolean },
  ): Promise<OperationResult & { fromVersion: number }> {
    const handle = await this.running(instanceId);
    const snapshot = await handle.query(snapshotQuery);
    const target = await this.definition(snapshot.processId, request.targetVersion);
    // A repeated batch item may find its own migration done: the update id then answers with its outcome.
    if (snapshot.version === request.targetVersion && !repeat?.retrying)
      throw new OperationError(
        'conflict',
        'MIGRATION.SAME_VERSION',
        `${instanceId} already runs version ${request.targetVersion}`,
      );
    const result = await this.update(() =>
      handle.executeUpdate(migrateInstanceUpdate, {
        args: [
          {
            targetGraph: target.graph,
            targetVersion: target.version,
            mappings: request.mappings ?? [],
            operator,
          },
        ],
        ...(repeat ? { updateId: repeat.updateId } : {}),
      }),
    );
    return { ...result, fromVersion: snapshot.version };
  }

  async cancel(instanceId: string): Promise<void> {
    const handle = await this.running(instanceId);
    await handle.cancel();
  }

  /** Retry every open incident of an instance; refused when it has none. */
  async retryIncidents(instanceId: string): Promise<{ retried: number }> {
    const handle = await this.running(instanceId);
    const open = (await handle.query(snapshotQuery)).incidents.filter((i) => !i.resolved);
    if (open.length === 0)
      throw new OperationError('conflict', 'INCIDENT.NONE_OPEN', `${instanceId} has no open incident`);
    for (const incident of open)
      await this.update(() =>
        handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.incidentId }] }),
      );
    return { retried: open.length };
  }

  definition(processId: string, version: number): Promise<ProcessDefinitionEntity> {
    const key = `${processId}@${version}`;
    let found = this.definitions.get(key);
    if (!found) {
      found = this.readDefinition(processId, version);
      this.definitions.set(key, found);
      found.catch(() => this.definitions.delete(key));
    }
    return found;
  }

  private async readDefinition(processId: string, version: number): Promise<ProcessDefinitionEntity> {
    const row = await this.dataSource
      .getRepository(ProcessDefinitionEntity)
      .findOne({ where: { processId, version } });
    if (!row)
      throw new OperationError(
        'not-found',
        'DEFINITION.NOT_FOUND',
        `No process definition ${processId} version ${version}`,
      );
    return row;
  }

  private async running(instanceId: string): Promise<WorkflowHandle> {
    const handle = this.client.workflow.getHandle(instanceId);
    try {
      const description = await handle.describe();
      if (description.status.name !== 'RUNNING')
        throw new OperationError(
          'conflict',
          'INSTANCE.NOT_RUNNING',
          `${instanceId} is not running (${description.status.name.toLowerCase()})`,
        );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw new OperationError('not-found', 'INSTANCE.NOT_FOUND', `No process instance ${instanceId}`);
      throw error;
    }
    return handle;
  }

  private async update<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause as { type?: string; message?: string; details?: unknown[] } | undefined;
        throw new OperationError(
          'bad-request',
          cause?.type ?? 'OPERATION.REFUSED',
          cause?.message ?? error.message,
          cause?.details?.[0],
        );
      }
      if (error instanceof WorkflowNotFoundError)
        throw new OperationError('conflict', 'INSTANCE.NOT_RUNNING', 'the instance is no longer running');
      throw error;
    }
  }
}

/** Only the instruction lists travel to the workflow. */
function pick(m: ModificationInstructions): ModificationInstructions {
  return {
    ...(m.activate ? { activate: m.activate } : {}),
    ...(m.terminate ? { terminate: m.terminate } : {}),
    ...(m.move ? { move: m.move } : {}),
    ...(m.variables ? { variables: m.variables } : {}),
  };
}
