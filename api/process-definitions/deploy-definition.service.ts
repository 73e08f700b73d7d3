import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { analyseBpmn, ModelProblem, serviceTaskTypes } from '../../model/deploy-model';
import type { ProcessGraph } from '../../model/process-graph';
import { ProcessDefinitionEntity } from '../../persistence/entities';
import { badRequest } from '../errors/domain-error';
import { IN_PROCESS_TYPES } from '../process-packs/process-packs.module';
import { pinDecisionBindings } from './decision-bindings';
import { TimerStartSchedules } from './timer-start-schedules.service';

export interface DeployResult {
  created: boolean;
  processId: string;
  version: number;
  warnings: ModelProblem[];
  processes: { processId: string; version: number }[];
}

/**
 * Deploys BPMN XML: analyse (parse, lint, compile), then store every executable process of
 * the file as its next version in one transaction. Identical XML returns the existing
 * versions; anything invalid is rejected whole with nothing stored.
 */
@Injectable()
export class DeployDefinitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timerStarts: TimerStartSchedules,
    @Inject(IN_PROCESS_TYPES) private readonly inProcessTaskTypes: ReadonlySet<string>,
  ) {}

  async deploy(xml: string, deployedBy: string): Promise<DeployResult> {
    const analysis = await analyseBpmn(xml);
    if (analysis.errors.length) {
      throw badRequest(
        'DEFINITION.INVALID',
        `The diagram cannot be deployed: ${analysis.errors.length} problem(s)`,
        {
          errors: analysis.errors,
        },
      );
    }
    if (!analysis.graphs.length) {
      throw badRequest('DEFINITION.NO_EXECUTABLE_PROCESS', 'The file has no executable process', {
        errors: [
          { elementId: null, rule: 'executable-process', message: 'set isExecutable="true" on one process' },
        ],
      });
    }
    const bindingErrors = await pinDecisionBindings(this.dataSource, analysis.graphs);
    if (bindingErrors.length) {
      throw badRequest(
        'DEFINITION.INVALID',
        `The diagram cannot be deployed: ${bindingErrors.length} problem(s)`,
        {
          errors: bindingErrors,
        },
      );
    }
    const warnings = [
      ...analysis.warnings,
      ...unhandledTypeWarnings(analysis.graphs, this.inProcessTaskTypes),
    ];
    const result = await this.storeWithRetry(analysis.graphs, xml, warnings, deployedBy);
    const { stored, ...answer } = result;
    // Schedules live in Temporal, outside the transaction: a failure is reported, the versions stay.
    for (const { graph, version } of stored) {
      try {
        await this.timerStarts.sync(graph, version);
      } catch (error) {
        answer.warnings.push({
          elementId: null,
          rule: 'timer-start-schedule',
          message: `timer start schedule not updated: ${(error as Error).message}`,
        });
      }
    }
    return answer;
  }

  /** Deployments of one process at once claim the same next version; the unique index makes the losers try again. */
  private async storeWithRetry(
    graphs: ProcessGraph[],
    xml: string,
    warnings: ModelProblem[],
    deployedBy: string,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.storeVersions(graphs, xml, warnings, deployedBy);
      } catch (error) {
        if (!(error instanceof QueryFailedError) || attempt >= 10) throw error;
      }
    }
  }

  private storeVersions(graphs: ProcessGraph[], xml: string, warnings: ModelProblem[], deployedBy: string) {
    const xmlHash = createHash('sha256').update(xml).digest('hex');
    const deployedAt = new Date().toISOString();
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ProcessDefinitionEntity);
      const processes = [];
      for (const graph of graphs) {
        const latest = await repo.findOne({
          where: { processId: graph.processId },
          order: { version: 'DESC' },
        });
        const unchanged = latest?.xmlHash === xmlHash;
        processes.push({
          graph,
          processId: graph.processId,
          version: unchanged ? latest!.version : (latest?.version ?? 0) + 1,
          created: !unchanged,
        });
      }
      pinDeploymentBindings(graphs, processes);
      for (const { graph, version, created } of processes) {
        if (!created) continue;
        const row = {
          processId: graph.processId,
          version,
          name: graph.name ?? null,
          xmlHash,
          xml,
          graph,
          warnings,
        };
        await repo.insert({ ...row, deployedBy, deployedAt });
      }
      return {
        created: processes.some((p) => p.created),
        processId: processes[0].processId,
        version: processes[0].version,
        warnings,
        processes: processes.map(({ processId, version }) => ({ processId, version })),
        stored: processes.filter((p) => p.created),
      };
    });
  }
}

/** Types no in-process activity serves: they go to `bpmn-jobs-<type>` for an external worker. */
function unhandledTypeWarnings(
  graphs: ProcessGraph[],
  inProcessTaskTypes: ReadonlySet<string>,
): DeployResult['warnings'] {
  return graphs.flatMap((graph) =>
    serviceTaskTypes(graph)
      .filter(({ taskType }) => !inProcessTaskTypes.has(taskType))
      .map(({ elementId, taskType }) => ({
        elementId,
        rule: 'external-job-type',
        message: `no in-process handler for type "${taskType}": a worker must poll task queue bpmn-jobs-${taskType}`,
      })),
  );
}

/** Call activities with binding `deployment` call the version deployed with them (as Zeebe does). */
function pinDeploymentBindings(
  graphs: ProcessGraph[],
  versions: { processId: string; version: number }[],
): void {
  const deployed = new Map(versions.map((v) => [v.processId, v.version]));
  for (const graph of graphs) {
    for (const node of Object.values(graph.nodes)) {
      if (node.kind === 'callActivity' && node.binding === 'deployment' && deployed.has(node.calledElement)) {
        node.deployedVersion = deployed.get(node.calledElement);
      }
    }
  }
}
