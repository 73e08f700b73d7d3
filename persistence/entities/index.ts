import { BufferedMessageEntity } from './buffered-message.entity';
import { DecisionDefinitionEntity } from './decision-definition.entity';
import { DecisionEvaluationEntity } from './decision-evaluation.entity';
import { FormEntity } from './form.entity';
import { IdempotentRequestEntity } from './idempotent-request.entity';
import { InstanceCommandEntity } from './instance-command.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { MailAddressEntity, TaskNoticeEntity } from './notification.entity';
import { UserTaskEntity } from './user-task.entity';
import { HISTORY_ENTITIES } from './history';

export {
  BufferedMessageEntity,
  FormEntity,
  IdempotentRequestEntity,
  InstanceCommandEntity,
  DecisionDefinitionEntity,
  DecisionEvaluationEntity,
  ProcessDefinitionEntity,
  UserTaskEntity,
  MailAddressEntity,
  TaskNoticeEntity,
};
export * from './history';

/** The engine's own entities; each process pack adds its own (config/process-packs.ts). */
export const ENGINE_ENTITIES = [
  ProcessDefinitionEntity,
  UserTaskEntity,
  FormEntity,
  InstanceCommandEntity,
  IdempotentRequestEntity,
  MailAddressEntity,
  TaskNoticeEntity,
  DecisionDefinitionEntity,
  DecisionEvaluationEntity,
  ...HISTORY_ENTITIES,
  BufferedMessageEntity,
];
