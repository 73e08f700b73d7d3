import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProcessDefinitionEntity } from '../../persistence/entities';
import { notFound } from '../errors/domain-error';

export interface DefinitionSummary {
  processId: string;
  name: string | null;
  latestVersion: number;
  versions: { version: number; deployedAt: string; deployedBy: string }[];
}

@Injectable()
export class ProcessDefinitionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ProcessDefinitionEntity);
  }

  async list(): Promise<DefinitionSummary[]> {
    const rows = await this.repo.find({
      select: { processId: true, version: true, name: true, deployedAt: true, deployedBy: true },
      order: { processId: 'ASC', version: 'ASC' },
    });
    const byProcess = new Map<string, DefinitionSummary>();
    for (const row of rows) {
      const summary = byProcess.get(row.processId) ?? {
        processId: row.processId,
        name: row.name,
        latestVersion: 0,
        versions: [],
      };
      summary.versions.push({ version: row.version, deployedAt: row.deployedAt, deployedBy: row.deployedBy });
      summary.latestVersion = row.version;
      summary.name = row.name ?? summary.name;
      byProcess.set(row.processId, summary);
    }
    return [...byProcess.values()];
  }

  /** One version, or the latest when `version` is undefined. */
  async get(processId: string, version?: number): Promise<ProcessDefinitionEntity> {
    const row =
      version === undefined
        ? await this.repo.findOne({ where: { processId }, order: { version: 'DESC' } })
        : await this.repo.findOne({ where: { processId, version } });
    if (!row) {
      throw notFound(
        'DEFINITION.NOT_FOUND',
        `No process definition ${processId}${version === undefined ? '' : ` version ${version}`}`,
      );
    }
    return row;
  }
}
