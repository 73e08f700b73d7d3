import { FormEntity } from './form.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { UserTaskEntity } from './user-task.entity';
import { CONTRACT_REVIEW_ENTITIES } from './contract-review';

export { FormEntity, ProcessDefinitionEntity, UserTaskEntity };

/** Every entity of the application, for the data source. */
export const ENTITIES = [ProcessDefinitionEntity, UserTaskEntity, FormEntity, ...CONTRACT_REVIEW_ENTITIES];
