import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';

export interface ActivityDeps {
  dataSource: DataSource;
  config: AppConfig;
}

/** Every in-process activity, built from its dependencies. */
export function createActivities(_deps: ActivityDeps) {
  return {};
}
