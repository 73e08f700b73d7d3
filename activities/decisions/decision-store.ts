/**
 * Reads of deployed decisions, shared by the business rule task activity and the API:
 * one version by binding (latest, a pinned version, or the newest with a version tag).
 */
import type { DataSource } from 'typeorm';
import { DecisionDefinitionEntity } from '../../persistence/entities';

export type DecisionBinding =
  | { binding: 'latest' }
  | { binding: 'deployment'; version: number }
  | { binding: 'versionTag'; versionTag: string };

export async function findDecision(
  dataSource: DataSource,
  decisionId: string,
  binding: DecisionBinding,
): Promise<DecisionDefinitionEntity | null> {
  const repo = dataSource.getRepository(DecisionDefinitionEntity);
  switch (binding.binding) {
    case 'latest':
      return repo.findOne({ where: { decisionId }, order: { version: 'DESC' } });
    case 'deployment':
      return repo.findOne({ where: { decisionId, version: binding.version } });
    case 'versionTag':
      return repo.findOne({
        where: { decisionId, versionTag: binding.versionTag },
        order: { version: 'DESC' },
      });
  }
}

export function describeBinding(decisionId: string, binding: DecisionBinding): string {
  if (binding.binding === 'deployment') return `decision ${decisionId} version ${binding.version}`;
  if (binding.binding === 'versionTag')
    return `decision ${decisionId} with version tag "${binding.versionTag}"`;
  return `decision ${decisionId}`;
}
