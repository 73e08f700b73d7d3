import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationFailure,
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { DataSource } from 'typeorm';
import { mayCompleteTask } from '../../engine/task-authorization';
import { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import { completeTaskUpdate, CompleteTaskResult, Variables } from '../../workflows/protocol';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, DomainError, forbidden } from '../errors/domain-error';
import { validateFormData } from '../forms/form-data-validator';
import { FormsService } from '../forms/forms.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { TaskQueries } from './task-queries.service';

/**
 * Completes a user task synchronously through the instance's `completeTask` Update. The API
 * answers the common refusals from the task record first (409 closed, 403 not a candidate,
 * 400 form data); the Update's validator in the workflow is the authority when two
 * completions race.
 */
@Injectable()
export class CompleteTaskService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskQueries,
    private readonly forms: FormsService,
  ) {}

  async complete(taskId: string, variables: Variables, principal: Principal): Promise<CompleteTaskResult> {
    const task = await this.tasks.find(taskId);
    if (task.state !== 'open')
      throw conflict('TASK.NOT_OPEN', `Task ${taskId} is ${task.state}`, { state: task.state });
    if (!mayCompleteTask(task, principal.user, principal.groups)) {
      throw forbidden('TASK.NOT_CANDIDATE', `${principal.user} is not a candidate for task ${taskId}`, {
        candidateGroups: task.candidateGroups,
        candidateUsers: task.candidateUsers,
        assignee: task.assignee ?? undefined,
      });
    }
    await this.validateAgainstForm(task, variables);
    const result = await this.executeUpdate(task, variables, principal);
    await this.dataSource
      .getRepository(UserTaskEntity)
      .update(
        { taskId, state: 'open' },
        { state: 'completed', completedAt: result.completedAt, completedBy: principal.user },
      );
    return result;
  }

  private async validateAgainstForm(task: UserTaskEntity, variables: Variables): Promise<void> {
    if (!task.formId) return;
    const form = await this.forms.latest(task.formId);
    if (!form) return;
    const problems = validateFormData(form.schema, variables);
    if (problems.length)
      throw badRequest('TASK.FORM_INVALID', problems.map((p) => p.message).join('; '), { fields: problems });
  }

  private async executeUpdate(
    task: UserTaskEntity,
    variables: Variables,
    principal: Principal,
  ): Promise<CompleteTaskResult> {
    try {
      return await this.client.workflow.getHandle(task.instanceId).executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task.taskId, user: principal.user, groups: principal.groups, variables }],
      });
    } catch (error) {
      throw refusalOf(error, task.taskId);
    }
  }
}

function refusalOf(error: unknown, taskId: string): unknown {
  if (error instanceof WorkflowNotFoundError)
    return conflict('TASK.NOT_OPEN', `Task ${taskId}: its instance has ended`);
  if (!(error instanceof WorkflowUpdateFailedError)) return error;
  const cause = error.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  const message = cause?.message ?? error.message;
  if (type === 'TASK.NOT_CANDIDATE') return forbidden(type, message);
  if (type === 'TASK.FORM_INVALID') return badRequest(type, message);
  if (type === 'TASK.NOT_OPEN') return conflict(type, message);
  return new DomainError('conflict', 'TASK.REJECTED', message);
}
