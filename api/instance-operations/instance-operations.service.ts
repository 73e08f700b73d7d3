import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { activeElementProblems, effectiveMappings, planProblems } from '../../engine/operations/migrate';
import { InstanceOperator, type MigrationRequest } from '../../activities/operations/instance-operator';
import {
  snapshotQuery,
  type MigrationMapping,
  type MigrationProblem,
  type ModificationInstructions,
} from '../../workflows/protocol';
import type { Principal } from '../auth/principal';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { asDomainErrors } from './operation-errors';
import { StoreCatchUp } from '../history/store-catch-up';
import { OperatorAudit } from './operator-audit';

export interface MigrationPlanReport {
  valid: boolean;
  problems: (MigrationProblem & { instanceId?: string })[];
  /** Explicit and implicit (same id) mappings for every element an instance can rest in. */
  mappings: MigrationMapping[];
}

/** Modification and migration of one instance, recorded with the operator's name. */
@Injectable()
export class InstanceOperations {
  readonly operator: InstanceOperator;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: OperatorAudit,
    private readonly store: StoreCatchUp,
  ) {
    this.operator = new InstanceOperator(client, dataSource);
  }

  async modify(instanceId: string, instructions: ModificationInstructions, principal: Principal) {
    const seq = await this.store.position(instanceId);
    const result = await asDomainErrors(() => this.operator.modify(instanceId, instructions, principal.user));
    await this.store.past(instanceId, seq);
    await this.audit.record({
      user: principal.user,
      action: 'instance.modify',
      instanceId,
      details: instructions,
    });
    return { instanceId, ...result };
  }

  async migrate(instanceId: string, request: MigrationRequest, principal: Principal) {
    const seq = await this.store.position(instanceId);
    const result = await asDomainErrors(() => this.operator.migrate(instanceId, request, principal.user));
    await this.store.past(instanceId, seq);
    await this.audit.record({
      user: principal.user,
      action: 'instance.migrate',
      instanceId,
      subject: `v${result.fromVersion} → v${result.version}`,
      details: { mappings: request.mappings },
    });
    return { instanceId, ...result };
  }

  /** The plan against the source version, and against the live state of the instances named. */
  async validatePlan(
    processId: string,
    version: number,
    request: MigrationRequest & { instanceIds?: string[] },
  ): Promise<MigrationPlanReport> {
    return asDomainErrors(async () => {
      const source = await this.operator.definition(processId, version);
      const target = await this.operator.definition(processId, request.targetVersion);
      const mappings = request.mappings ?? [];
      const problems: MigrationPlanReport['problems'] = planProblems(source.graph, target.graph, mappings);
      for (const instanceId of request.instanceIds ?? []) {
        const state = await this.client.workflow
          .getHandle(instanceId)
          .query(snapshotQuery)
          .catch(() => undefined);
        if (!state) {
          problems.push({
            instanceId,
            elementId: processId,
            problem: 'unsupported',
            message: `${instanceId} cannot be read`,
          });
          continue;
        }
        if (state.version !== version || state.processId !== processId) {
          problems.push({
            instanceId,
            elementId: processId,
            problem: 'unsupported',
            message: `${instanceId} runs ${state.processId} version ${state.version}, not version ${version}`,
          });
          continue;
        }
        for (const p of activeElementProblems(source.graph, target.graph, state.activeElements, mappings))
          problems.push({ ...p, instanceId });
      }
      return {
        valid: problems.length === 0,
        problems,
        mappings: effectiveMappings(source.graph, target.graph, mappings),
      };
    });
  }
}
