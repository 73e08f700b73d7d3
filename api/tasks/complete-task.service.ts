import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationFailure,
  Client,
  isGrpcDeadlineError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { DataSource } from 'typeorm';
import { mayCompleteTask } from '../../engine/task-authorization';
import type { UserTaskNode } from '../../model/process-graph';
import { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import { REQUEST_VARIABLES_LIMIT_BYTES } from '../../workflows/limits';
import { completeTaskUpdate, CompleteTaskResult, Variables } from '../../workflows/protocol';
import { AuditTrail } from '../audit/audit-trail.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, DomainError, forbidden, timedOut, unavailable } from '../errors/domain-error';
import { validateFormData } from '../forms/form-data-validator';
import { FormsService } from '../forms/forms.service';
import { StoreCatchUp } from '../history/store-catch-up';
import { assertWithinLimit } from '../input/payload-limit';
import { ProcessDefinitionQueries } from '../process-definitions/process-definition-queries.service';
import { EngineWorkers } from '../temporal/engine-workers';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client';
import { TimeoutError, withTimeout } from '../temporal/with-timeout';
import { allowedTaskVariables, assertOnlyAllowed } from './task-variables';
import { TaskQueries } from './task-queries.service';

/** How long a completion waits for the instance's worker to apply it before answering 504. */
export const COMPLETION_TIMEOUT_MS = 10_000;
/** How long the check for a live engine worker may take. */
const WORKER_CHECK_TIMEOUT_MS = 1500;

/**
 * Completes a user task synchronously through the instance's `completeTask` Update. The API
 * answers the common refusals from the task record first (409 closed, 403 not a candidate,
 * 400 variables the task does not define or form data invalid, 413 too large); the Update's
 * validator in the workflow is the authority when two completions race and on the
 * instance's size. Nothing is sent while no engine worker polls (503), and no answer within
 * COMPLETION_TIMEOUT_MS is a 504, not a hanging request.
 */
@Injectable()
export class CompleteTaskService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskQueries,
    private readonly forms: FormsService,
    private readonly definitions: ProcessDefinitionQueries,
    private readonly workers: EngineWorkers,
    private readonly audit: AuditTrail,
    private readonly store: StoreCatchUp,
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
    assertWithinLimit('variables', variables, REQUEST_VARIABLES_LIMIT_BYTES);
    await this.validateAgainstTask(task, variables);
    await this.assertEngineWorker();
    const seq = await this.store.position(task.instanceId);
    const result = await this.executeUpdate(task, variables, principal);
    await this.dataSource
      .getRepository(UserTaskEntity)
      .update(
        { taskId, state: 'open' },
        { state: 'completed', completedAt: result.completedAt, completedBy: principal.user },
      );
    await this.audit.record(principal.user, 'task-complete', {
      instanceId: task.instanceId,
      processId: task.processId,
      subject: taskId,
      details: { elementId: task.elementId, ...(task.name ? { name: task.name } : {}) },
    });
    await this.store.past(task.instanceId, seq);
    return result;
  }

  private async validateAgainstTask(task: UserTaskEntity, variables: Variables): Promise<void> {
    const form = task.formId ? await this.forms.latest(task.formId) : null;
    const node = await this.nodeOf(task);
    assertOnlyAllowed(task.taskId, variables, allowedTaskVariables(form?.schema, node?.outputs));
    if (!form) return;
    const problems = validateFormData(form.schema, variables);
    if (problems.length)
      throw badRequest('TASK.FORM_INVALID', problems.map((p) => p.message).join('; '), { fields: problems });
  }

  private async nodeOf(task: UserTaskEntity): Promise<UserTaskNode | undefined> {
    try {
      const { graph } = await this.definitions.get(task.processId, task.version);
      return graph.nodes[task.elementId] as UserTaskNode | undefined;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  private async assertEngineWorker(): Promise<void> {
    let livePollers: number;
    try {
      ({ livePollers } = await this.workers.status(WORKER_CHECK_TIMEOUT_MS));
    } catch (error) {
      throw unavailable('TEMPORAL.UNAVAILABLE', `Temporal does not answer: ${(error as Error).message}`);
    }
    if (livePollers === 0)
      throw unavailable(
        'ENGINE.NO_WORKER',
        'No engine worker is running, so the task cannot be completed now; nothing was sent. Retry when GET /api/health reports engineWorkers up.',
      );
  }

  private async executeUpdate(
    task: UserTaskEntity,
    variables: Variables,
    principal: Principal,
  ): Promise<CompleteTaskResult> {
    const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
    try {
      return await withTimeout(
        this.client.withDeadline(deadline, () =>
          this.client.workflow.getHandle(task.instanceId).executeUpdate(completeTaskUpdate, {
            args: [{ taskId: task.taskId, user: principal.user, groups: principal.groups, variables }],
          }),
        ),
        COMPLETION_TIMEOUT_MS + 500,
        'the completion',
      );
    } catch (error) {
      throw refusalOf(error, task.taskId);
    }
  }
}

function refusalOf(error: unknown, taskId: string): unknown {
  if (error instanceof WorkflowNotFoundError)
    return conflict('TASK.NOT_OPEN', `Task ${taskId}: its instance has ended`);
  if (
    error instanceof TimeoutError ||
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isGrpcDeadlineError(error) ||
    isGrpcDeadlineError((error as { cause?: unknown })?.cause)
  )
    return timedOut(
      'TASK.COMPLETION_TIMEOUT',
      `The instance's worker did not apply the completion of ${taskId} within ${COMPLETION_TIMEOUT_MS} ms. It may still be applied: read the task before retrying.`,
    );
  if (!(error instanceof WorkflowUpdateFailedError)) return error;
  const cause = error.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  const message = cause?.message ?? error.message;
  if (type === 'TASK.NOT_CANDIDATE') return forbidden(type, message);
  if (type === 'TASK.FORM_INVALID') return badRequest(type, message);
  if (type === 'TASK.NOT_OPEN') return conflict(type, message);
  // A completing task listener said no: the task stays open and can be completed again.
  if (type === 'TASK.COMPLETION_DENIED')
    return conflict(type, message, (cause as ApplicationFailure).details?.[0]);
  if (type === 'INSTANCE.VARIABLES_LIMIT')
    return conflict(type, message, (cause as ApplicationFailure).details?.[0]);
  return new DomainError('conflict', 'TASK.REJECTED', message);
}
