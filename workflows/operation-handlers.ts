/**
 * Operator actions as Updates: modification and migration. The validator asks the core
 * whether the request can apply and refuses it (nothing changed, nothing in history) with
 * the refusal's code as failure type; the handler asks again, since another update may have
 * changed the state in between, then applies the core's result.
 */
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { snapshotOf } from '../engine';
import { migrateInstance, migrationProblems } from '../engine/operations/migrate';
import { modifyInstance, refuseModification } from '../engine/operations/modify';
import { engineActivities } from './activities';
import type { InstanceHost } from './instance-host';
import {
  migrateInstanceUpdate,
  modifyInstanceUpdate,
  type MigrateInstanceRequest,
  type ModifyInstanceRequest,
  type OperationRefusal,
  type OperationResult,
} from './protocol';

function refused(refusal: OperationRefusal): ApplicationFailure {
  return ApplicationFailure.create({
    message: refusal.message,
    type: refusal.code,
    nonRetryable: true,
    details: [refusal],
  });
}

function checkModification(host: InstanceHost, request: ModifyInstanceRequest): void {
  const refusal = refuseModification(host.input.graph, host.state, request);
  if (refusal) throw refused(refusal);
}

function checkMigration(host: InstanceHost, request: MigrateInstanceRequest): void {
  const problems = migrationProblems(
    host.input.graph,
    request.targetGraph,
    host.state,
    request.mappings ?? [],
  );
  if (problems.length)
    throw ApplicationFailure.create({
      message: problems.map((p) => p.message).join('; '),
      type: 'MIGRATION.INVALID',
      nonRetryable: true,
      details: [{ problems }],
    });
}

function outcome(host: InstanceHost): OperationResult {
  return {
    state: host.state.status,
    version: host.input.version,
    activeElements: snapshotOf(host.state).activeElements,
  };
}

export function installOperationHandlers(host: InstanceHost): void {
  setHandler(
    modifyInstanceUpdate,
    (request) => {
      checkModification(host, request);
      const { operator, ...instructions } = request;
      host.adopt(
        modifyInstance(host.input.graph, host.state, instructions, host.environment, {
          operator,
          instructions,
        }),
      );
      return Promise.resolve(outcome(host));
    },
    { validator: (request) => checkModification(host, request) },
  );

  setHandler(
    migrateInstanceUpdate,
    async (request) => {
      checkMigration(host, request);
      const source = host.input.graph;
      const before = host.state.tasks;
      const prev = host.state;
      const result = migrateInstance(
        source,
        request.targetGraph,
        host.state,
        request.mappings ?? [],
        host.environment,
        { operator: request.operator, fromVersion: host.input.version, toVersion: request.targetVersion },
      );
      host.adopt(result, { export: false });
      host.repin(request.targetGraph, request.targetVersion);
      host.exporter.export(prev, result.state, result.commands);
      // Open tasks keep their ids; their records follow them onto the target element.
      await Promise.all(
        Object.values(host.state.tasks)
          .filter((t) => before[t.taskId])
          .map((t) =>
            engineActivities.retargetUserTask({
              taskId: t.taskId,
              elementId: t.elementId,
              name: t.name ?? null,
              version: request.targetVersion,
            }),
          ),
      );
      return outcome(host);
    },
    { validator: (request) => checkMigration(host, request) },
  );
}
