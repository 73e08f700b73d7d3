import { FormEntity } from './form.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { UserTaskEntity } from './user-task.entity';

export { FormEntity, ProcessDefinitionEntity, UserTaskEntity };

/** Every entity of the application, for the data source. */
export const ENTITIES = [ProcessDefinitionEntity, UserTaskEntity, FormEntity];
