import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findDecision, type DecisionBinding } from '../../activities/decisions/decision-store';
import { DecisionEvaluationError, evaluateDecision } from '../../model/dmn/evaluate/evaluate-decision';
import { DecisionDefinitionEntity, DecisionEvaluationEntity } from '../../persistence/entities';
import { DomainError, notFound } from '../errors/domain-error';

export interface DecisionSummary {
  decisionId: string;
  name: string | null;
  latestVersion: number;
  versions: { version: number; versionTag: string | null; deployedAt: string; deployedBy: string }[];
}

@Injectable()
export class DecisionDefinitionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<DecisionSummary[]> {
    const rows = await this.dataSource.getRepository(DecisionDefinitionEntity).find({
      select: {
        decisionId: true,
        version: true,
        name: true,
        versionTag: true,
        deployedAt: true,
        deployedBy: true,
      },
      order: { decisionId: 'ASC', version: 'ASC' },
    });
    const byDecision = new Map<string, DecisionSummary>();
    for (const row of rows) {
      const summary = byDecision.get(row.decisionId) ?? {
        decisionId: row.decisionId,
        name: row.name,
        latestVersion: 0,
        versions: [],
      };
      const { version, versionTag, deployedAt, deployedBy } = row;
      summary.versions.push({ version, versionTag, deployedAt, deployedBy });
      summary.latestVersion = version;
      summary.name = row.name ?? summary.name;
      byDecision.set(row.decisionId, summary);
    }
    return [...byDecision.values()];
  }

  /** One version, or the latest when `version` is undefined. */
  async get(decisionId: string, version?: number): Promise<DecisionDefinitionEntity> {
    const binding: DecisionBinding =
      version === undefined ? { binding: 'latest' } : { binding: 'deployment', version };
    const row = await findDecision(this.dataSource, decisionId, binding);
    if (!row) {
      throw notFound(
        'DECISION.NOT_FOUND',
        `No decision ${decisionId}${version === undefined ? '' : ` version ${version}`}`,
      );
    }
    return row;
  }

  /** Try a decision: its result and, per evaluated decision, the matched rules. 422 when the evaluation fails. */
  async evaluate(decisionId: string, variables: Record<string, unknown>, version?: number) {
    const row = await this.get(decisionId, version);
    try {
      return {
        decisionId,
        version: row.version,
        ...omitId(evaluateDecision(row.graph, decisionId, variables)),
      };
    } catch (error) {
      if (!(error instanceof DecisionEvaluationError)) throw error;
      throw new DomainError('unprocessable', 'DECISION.EVALUATION_FAILED', error.message, {
        decisionId,
        version: row.version,
      });
    }
  }

  evaluations(instanceId: string) {
    return this.dataSource
      .getRepository(DecisionEvaluationEntity)
      .find({ where: { instanceId }, order: { evaluatedAt: 'ASC' } });
  }
}

function omitId<T extends { decisionId: string }>(result: T): Omit<T, 'decisionId'> {
  const { decisionId: _id, ...rest } = result;
  return rest;
}
