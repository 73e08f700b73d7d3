import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DeployDefinitionService } from '../api/process-definitions/deploy-definition.service';
import { FormsService } from '../api/forms/forms.service';
import { APP_CONFIG } from '../api/config/app-config.module';
import type { AppConfig } from '../config/app-config';
import { PROCESS_PACKS } from '../config/process-packs';
import type { ProcessPack } from '../config/process-pack';

/**
 * Deploys every registered process pack: its forms first (user tasks bind to the latest form
 * version by id), then its seed data, then its diagrams. Unchanged forms and diagrams keep
 * their version. Returns `form id vN`, seed and `processId vN` labels.
 */
export async function deployProcessPacks(
  app: INestApplication,
  packs: readonly ProcessPack[] = PROCESS_PACKS,
): Promise<string[]> {
  const deployer = app.get(DeployDefinitionService);
  const forms = app.get(FormsService);
  const deps = {
    dataSource: app.get<DataSource>(getDataSourceToken()),
    config: app.get<AppConfig>(APP_CONFIG),
  };
  const labels: string[] = [];
  for (const pack of packs) {
    for (const file of pack.forms) {
      const result = await forms.deploy(JSON.parse(readFileSync(file, 'utf8')), 'process-pack');
      labels.push(`form ${result.formId} v${result.version}`);
    }
    if (pack.seed) labels.push(...(await pack.seed(deps)));
    for (const file of pack.diagrams) {
      const result = await deployer.deploy(readFileSync(file, 'utf8'), 'process-pack');
      labels.push(...result.processes.map((p) => `${p.processId} v${p.version}`));
    }
  }
  return labels;
}
