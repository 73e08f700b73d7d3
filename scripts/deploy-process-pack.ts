import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DeployDefinitionService } from '../api/process-definitions/deploy-definition.service';
import { FormsService } from '../api/forms/forms.service';
import { seedCustomerSymbols } from '../api/customers/seed-customer-symbols';

export const DIAGRAMS_DIR = join(__dirname, '..', '..', 'diagrams');

/** Deploys every diagram of the process pack; unchanged diagrams keep their version. Returns `processId vN` labels. */
export async function deployProcessPack(app: INestApplication, dir = DIAGRAMS_DIR): Promise<string[]> {
  const deployer = app.get(DeployDefinitionService);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bpmn'))
    .sort();
  const labels: string[] = [];
  // Forms first: user tasks bind to the latest form version by id.
  const forms = app.get(FormsService);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.form'))
    .sort()) {
    const result = await forms.deploy(JSON.parse(readFileSync(join(dir, file), 'utf8')), 'process-pack');
    labels.push(`form ${result.formId} v${result.version}`);
  }
  labels.push(...(await seedCustomerSymbols(app, join(dir, 'customer-symbols'))));
  for (const file of files) {
    const result = await deployer.deploy(readFileSync(join(dir, file), 'utf8'), 'process-pack');
    labels.push(...result.processes.map((p) => `${p.processId} v${p.version}`));
  }
  return labels;
}
