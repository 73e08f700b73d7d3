import { ApplicationFailure } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { ProcessDefinitionEntity } from '../persistence/entities';
import type { ResolvedProcessGraph } from '../workflows/activity-contract';

/** Resolves the graph a call activity starts, so the parent's history pins the exact version. */
export function createProcessGraphActivities(dataSource: DataSource) {
  return {
    async resolveProcessGraph(
      processId: string,
      binding: 'latest' | 'deployment',
      version?: number,
    ): Promise<ResolvedProcessGraph> {
      const repo = dataSource.getRepository(ProcessDefinitionEntity);
      const row =
        binding === 'deployment' && version !== undefined
          ? await repo.findOne({ where: { processId, version } })
          : await repo.findOne({ where: { processId }, order: { version: 'DESC' } });
      if (!row) {
        // Not retryable: deploying the process later and retrying the incident is the remedy.
        throw ApplicationFailure.nonRetryable(
          `No deployed process ${processId}${version ? ` version ${version}` : ''}`,
          'ProcessNotFound',
        );
      }
      return { graph: row.graph, version: row.version };
    },
  };
}
