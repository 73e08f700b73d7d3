import { FormEntity } from './form.entity';
import { IncidentEntity } from './incident.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { UserTaskEntity } from './user-task.entity';

export { FormEntity, IncidentEntity, ProcessDefinitionEntity, UserTaskEntity };

/** Every entity of the application, for the data source. */
export const ENTITIES = [ProcessDefinitionEntity, UserTaskEntity, IncidentEntity, FormEntity];
