/**
 * What a process pack brings to the product, declared once in its manifest and registered in
 * config/process-packs.ts. The generic engine, API, worker and persistence know packs only
 * through this shape; they never import a pack's folders themselves (eslint.config.mjs).
 * The browser half of a pack (its pages) is web/src/<pack>/web-pack.ts, found by web/src/web-pack.ts.
 */
import type { Type } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DECISION_TASK_TYPE, SIGNAL_TASK_TYPE } from '../model/process-graph';
import type { JobInput } from '../workflows/activity-contract';
import type { Variables } from '../workflows/protocol';
import type { AppConfig } from './app-config';

/** A service-task handler: the job's variables in, variables to merge into the instance out. */
export type PackJobHandler = (input: JobInput) => Promise<Variables | undefined | void>;

/** An entity or migration class. */
export type PackClass = new (...args: never[]) => unknown;

/** What a pack's activities and seed are built from. */
export interface PackDeps {
  dataSource: DataSource;
  config: Pick<AppConfig, 'plantTimeZone'>;
}

export interface ProcessPack {
  /** Stable id, e.g. `contract-review`. */
  id: string;
  /** The pack's BPMN files (absolute paths), deployed in this order. */
  diagrams: readonly string[];
  /** The pack's form-js schemas (absolute paths), deployed before the diagrams. */
  forms: readonly string[];
  /** Service-task handlers by zeebe:taskDefinition type, served in-process by the engine worker. */
  activities(deps: PackDeps): Record<string, PackJobHandler>;
  /** TypeORM entities of the pack's records. */
  entities: readonly PackClass[];
  /** The pack's migrations, run after the engine's own. */
  migrations: readonly PackClass[];
  /** The pack's Nest module (its HTTP endpoints under /api). */
  apiModule: Type<unknown>;
  /** Route paths of the pack's web pages (the pages: web/src/<pack>/web-pack.ts). */
  webPages: readonly string[];
  /** Data the pack ships with (master data, calendars): inserted when missing, never overwritten. Returns labels. */
  seed?(deps: PackDeps): Promise<string[]>;
}

/**
 * The service-task types a handler map serves, without building the handlers: the factory
 * runs against dependencies that throw when touched, so a factory that used its dependencies
 * before a job arrived would fail here, at load time.
 */
export function handlerTypes(activities: ProcessPack['activities']): string[] {
  const untouchable = new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`a pack's activity factory used deps.${String(property)} before any job ran`);
      },
    },
  );
  return Object.keys(activities({ dataSource: untouchable, config: untouchable } as unknown as PackDeps));
}

/** Job types the engine itself serves in-process (activities/index.ts): the business rule task's decision job. */
export const ENGINE_TASK_TYPES: readonly string[] = [DECISION_TASK_TYPE, SIGNAL_TASK_TYPE];

/** Every job type served in-process: the engine's own and those of the packs' handler maps. */
export function inProcessTaskTypes(packs: readonly ProcessPack[]): ReadonlySet<string> {
  return new Set([...ENGINE_TASK_TYPES, ...packs.flatMap((pack) => handlerTypes(pack.activities))]);
}
