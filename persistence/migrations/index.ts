import { EngineTables1764450000000 } from './1764450000000-engine-tables';
import { ContractReviewTables1764500000000 } from './1764500000000-contract-review-tables';
import { InstanceCommandOutbox1764600000000 } from './1764600000000-instance-command-outbox';
import { Notifications1764620000000 } from './1764620000000-notifications';

/** Every migration, in order. New ones are appended here (npm run migration:generate writes the file). */
export const MIGRATIONS = [
  EngineTables1764450000000,
  ContractReviewTables1764500000000,
  InstanceCommandOutbox1764600000000,
  Notifications1764620000000,
];
