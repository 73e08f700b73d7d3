import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { createContractReviewActivities } from './contract-review';
import { createProcessGraphActivities } from './process-graphs.activity';
import { createUserTaskActivities } from './user-tasks.activity';

export interface ActivityDeps {
  dataSource: DataSource;
  config: AppConfig;
}

/** Every in-process activity, built from its dependencies. */
export function createActivities({ dataSource, config }: ActivityDeps) {
  return {
    ...createUserTaskActivities(dataSource),
    ...createProcessGraphActivities(dataSource),
    ...createContractReviewActivities({ dataSource, config }),
  };
}
