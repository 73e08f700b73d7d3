import { EngineTables1764450000000 } from './1764450000000-engine-tables';
import { InstanceCommandOutbox1764600000000 } from './1764600000000-instance-command-outbox';
import { Notifications1764620000000 } from './1764620000000-notifications';
import { HistoryTables1764630000000 } from './1764630000000-history-tables';
import { DecisionTables1764650000000 } from './1764650000000-decision-tables';
import { HistoryStats1764730000000 } from './1764730000000-history-stats';
import { BufferedMessages1764740000000 } from './1764740000000-buffered-messages';

/**
 * The engine's own migrations, in order; each process pack brings its own (config/process-packs.ts)
 * and TypeORM runs all of them by timestamp. New ones are appended here (npm run migration:generate writes the file).
 */
export const ENGINE_MIGRATIONS = [
  EngineTables1764450000000,
  InstanceCommandOutbox1764600000000,
  Notifications1764620000000,
  HistoryTables1764630000000,
  DecisionTables1764650000000,
  HistoryStats1764730000000,
  BufferedMessages1764740000000,
];
