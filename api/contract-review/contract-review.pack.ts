/**
 * The contract review pack's manifest (IATF 16949 §8.2.3, SM-COP-720-01): everything the
 * pack brings, registered once in config/process-packs.ts. Its web pages live in
 * web/src/contract-review/ (web-pack.ts: routes, navigation, the instance-page panel).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessPack } from '../../config/process-pack';
import { createContractReviewActivities } from '../../activities/contract-review';
import { CONTRACT_REVIEW_ENTITIES } from '../../persistence/entities/contract-review';
import { CONTRACT_REVIEW_MIGRATIONS } from '../../persistence/migrations/contract-review';
import { ContractReviewModule } from './contract-review.module';
import { seedCustomerSymbols } from './customers/seed-customer-symbols';

/** diagrams/contract-review, found from dist/api/contract-review/ when built and from api/contract-review/ under ts tooling. */
export const CONTRACT_REVIEW_DIAGRAMS =
  [
    join(__dirname, '..', '..', '..', 'diagrams', 'contract-review'),
    join(__dirname, '..', '..', 'diagrams', 'contract-review'),
  ].find((dir) => existsSync(join(dir, 'contract-review.bpmn'))) ??
  join(__dirname, '..', '..', 'diagrams', 'contract-review');

function filesEndingWith(ext: string): string[] {
  return readdirSync(CONTRACT_REVIEW_DIAGRAMS)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(CONTRACT_REVIEW_DIAGRAMS, f));
}

export const contractReviewPack: ProcessPack = {
  id: 'contract-review',
  diagrams: filesEndingWith('.bpmn'),
  forms: filesEndingWith('.form'),
  activities: createContractReviewActivities,
  entities: CONTRACT_REVIEW_ENTITIES,
  migrations: CONTRACT_REVIEW_MIGRATIONS,
  apiModule: ContractReviewModule,
  webPages: ['/meetings', '/kpi', '/calendar'],
  seed: ({ dataSource }) =>
    seedCustomerSymbols(dataSource, join(CONTRACT_REVIEW_DIAGRAMS, 'customer-symbols')),
};
