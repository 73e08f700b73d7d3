import { AuditEntryEntity } from './audit-entry.entity';
import { HistoryElementEntity } from './history-element.entity';
import { HistoryEventEntity } from './history-event.entity';
import { HistoryIncidentEntity } from './history-incident.entity';
import { HistoryInstanceEntity } from './history-instance.entity';
import { HistoryStatEntity } from './history-stat.entity';
import { HistoryVariableEntity } from './history-variable.entity';

export {
  AuditEntryEntity,
  HistoryElementEntity,
  HistoryEventEntity,
  HistoryIncidentEntity,
  HistoryInstanceEntity,
  HistoryStatEntity,
  HistoryVariableEntity,
};

export const HISTORY_ENTITIES = [
  HistoryInstanceEntity,
  HistoryEventEntity,
  HistoryElementEntity,
  HistoryVariableEntity,
  HistoryIncidentEntity,
  HistoryStatEntity,
  AuditEntryEntity,
];
