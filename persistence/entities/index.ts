import { FormEntity } from './form.entity';
import { IdempotentRequestEntity } from './idempotent-request.entity';
import { InstanceCommandEntity } from './instance-command.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { MailAddressEntity, TaskNoticeEntity } from './notification.entity';
import { UserTaskEntity } from './user-task.entity';
import { CONTRACT_REVIEW_ENTITIES } from './contract-review';

export {
  FormEntity,
  IdempotentRequestEntity,
  InstanceCommandEntity,
  ProcessDefinitionEntity,
  UserTaskEntity,
  MailAddressEntity,
  TaskNoticeEntity,
};

/** Every entity of the application, for the data source. */
export const ENTITIES = [
  ProcessDefinitionEntity,
  UserTaskEntity,
  FormEntity,
  InstanceCommandEntity,
  IdempotentRequestEntity,
  MailAddressEntity,
  TaskNoticeEntity,
  ...CONTRACT_REVIEW_ENTITIES,
];
