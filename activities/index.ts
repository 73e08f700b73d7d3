import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { PROCESS_PACKS } from '../config/process-packs';
import { createDecisionActivities } from './decisions/evaluate-decision.activity';
import { createProcessGraphActivities } from './process-graphs.activity';
import { createSignalActivities } from './signals/broadcast-signal.activity';
import { createUserTaskActivities } from './user-tasks.activity';

export interface ActivityDeps {
  dataSource: DataSource;
  config: AppConfig;
}

/** Every in-process activity, built from its dependencies: the engine's own, then each registered pack's handler map. */
export function createActivities({ dataSource, config }: ActivityDeps) {
  return Object.assign(
    {
      ...createUserTaskActivities(dataSource),
      ...createProcessGraphActivities(dataSource),
      ...createDecisionActivities(dataSource),
      ...createSignalActivities(dataSource),
    },
    ...PROCESS_PACKS.map((pack) => pack.activities({ dataSource, config })),
  );
}
