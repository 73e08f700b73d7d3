import { IncidentEntity } from './incident.entity';
import { MessageSubscriptionEntity } from './message-subscription.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { UserTaskEntity } from './user-task.entity';

export { IncidentEntity, MessageSubscriptionEntity, ProcessDefinitionEntity, UserTaskEntity };

/** Every entity of the application, for the data source. */
export const ENTITIES = [ProcessDefinitionEntity, UserTaskEntity, IncidentEntity, MessageSubscriptionEntity];
