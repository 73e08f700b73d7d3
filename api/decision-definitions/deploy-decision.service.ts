import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { analyseDmn, type DecisionGraph } from '../../model/dmn/analyse-dmn';
import type { ModelProblem } from '../../model/problem';
import { DecisionDefinitionEntity } from '../../persistence/entities';
import { badRequest, DomainError } from '../errors/domain-error';

export interface DecisionDeployResult {
  created: boolean;
  decisionId: string;
  version: number;
  decisions: { decisionId: string; version: number; versionTag?: string }[];
  warnings: ModelProblem[];
}

/**
 * Deploys DMN XML: analyse (parse, compile), then store every decision of the file as its
 * next version in one transaction. Identical XML returns the existing versions; a changed
 * decision may not reuse a version tag already deployed (as Zeebe refuses it).
 */
@Injectable()
export class DeployDecisionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What a deploy of this XML would reject, without storing anything (the editor's server verdict). */
  async lint(xml: string): Promise<{ errors: ModelProblem[] }> {
    return { errors: (await analyseDmn(xml)).errors };
  }

  async deploy(xml: string, deployedBy: string): Promise<DecisionDeployResult> {
    const analysis = await analyseDmn(xml);
    if (analysis.errors.length || !analysis.graph) {
      throw badRequest(
        'DECISION.INVALID',
        `The decision file cannot be deployed: ${analysis.errors.length} problem(s)`,
        { errors: analysis.errors },
      );
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store(analysis.graph, xml, deployedBy);
      } catch (error) {
        // Concurrent deployments claim the same next version; the unique index makes the losers try again.
        if (error instanceof DomainError || !(error instanceof QueryFailedError) || attempt >= 10)
          throw error;
      }
    }
  }

  private store(graph: DecisionGraph, xml: string, deployedBy: string): Promise<DecisionDeployResult> {
    const xmlHash = createHash('sha256').update(xml).digest('hex');
    const deployedAt = new Date().toISOString();
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(DecisionDefinitionEntity);
      const decisions: DecisionDeployResult['decisions'] = [];
      let created = false;
      for (const decision of Object.values(graph.decisions)) {
        const latest = await repo.findOne({ where: { decisionId: decision.id }, order: { version: 'DESC' } });
        if (latest?.xmlHash === xmlHash) {
          decisions.push(summary(decision.id, latest.version, decision.versionTag));
          continue;
        }
        if (
          decision.versionTag &&
          (await repo.existsBy({ decisionId: decision.id, versionTag: decision.versionTag }))
        ) {
          throw badRequest(
            'DECISION.VERSION_TAG_TAKEN',
            `Version tag "${decision.versionTag}" is already deployed`,
            {
              errors: [
                {
                  elementId: decision.id,
                  rule: 'version-tag',
                  message: `decision ${decision.id} already has a version with tag "${decision.versionTag}": change the tag`,
                },
              ],
            },
          );
        }
        const version = (latest?.version ?? 0) + 1;
        await repo.insert({
          decisionId: decision.id,
          version,
          name: decision.name ?? null,
          versionTag: decision.versionTag ?? null,
          definitionsId: graph.definitionsId,
          xmlHash,
          xml,
          graph,
          deployedBy,
          deployedAt,
        });
        created = true;
        decisions.push(summary(decision.id, version, decision.versionTag));
      }
      return {
        created,
        decisionId: decisions[0].decisionId,
        version: decisions[0].version,
        decisions,
        warnings: [],
      };
    });
  }
}

function summary(decisionId: string, version: number, versionTag: string | undefined) {
  return { decisionId, version, ...(versionTag ? { versionTag } : {}) };
}
