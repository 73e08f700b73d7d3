import { Inject, Injectable, Logger } from '@nestjs/common';
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
import { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';
import { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import { REQUEST_VARIABLES_LIMIT_BYTES } from '../../workflows/limits';
import type { CompleteTaskResult, Variables } from '../../workflows/protocol';
import { AuditTrail } from '../audit/audit-trail.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, DomainError, forbidden, unavailable } from '../errors/domain-error';
import { validateFormData } from '../forms/form-data-validator';
import { FormsService } from '../forms/forms.service';
import { StoreCatchUp } from '../history/store-catch-up';
import { completionCommandId, TaskCompletionCommand } from '../instance-commands/instance-command';
import { InstanceCommandOutbox } from '../instance-commands/instance-command-outbox.service';
import { assertWithinLimit } from '../input/payload-limit';
import { ProcessDefinitionQueries } from '../process-definitions/process-definition-queries.service';
import { EngineWorkers } from '../temporal/engine-workers';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client';
import { TimeoutError, withTimeout } from '../temporal/with-timeout';
import { allowedTaskVariables, assertOnlyAllowed } from './task-variables';
import { recordTaskCompletion, sendTaskCompletion } from './task-completion-record';
import { TaskQueries } from './task-queries.service';

/** How long a completion waits for the instance's worker to apply it before answering 202 (pending). */
export const COMPLETION_TIMEOUT_MS = 10_000;
/** How long the check for a live engine worker may take. */
const WORKER_CHECK_TIMEOUT_MS = 1500;

/** 200: applied; 202: recorded, applied when the instance's worker takes it (GET /api/tasks/:taskId shows how it went). */
export type CompletionAnswer =
  | { status: 200; body: CompleteTaskResult }
  | { status: 202; body: { taskId: string; status: 'pending'; message: string } };

/**
 * Completes a user task through the instance's `completeTask` Update, on the durable path of
 * every write that must reach an instance: the completion is recorded in the instance-command
 * outbox first, then sent with an update id from its command id, so a retry or the outbox
 * dispatcher sends the same Update and Temporal applies it once. The API answers the common
 * refusals from the task record first (409 closed, 403 not a candidate, 400 variables the task
 * does not define or form data invalid, 413 too large); the Update's validator in the workflow
 * is the authority when two completions race and on the instance's size. Nothing is recorded
 * while Temporal says no engine worker polls (503). Not applied within COMPLETION_TIMEOUT_MS (the instance's
 * worker was killed and Temporal is moving the instance to another one) is a 202: the
 * dispatcher delivers it, nothing is lost and nothing hangs.
 */
@Injectable()
export class CompleteTaskService {
  private readonly logger = new Logger(CompleteTaskService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskQueries,
    private readonly forms: FormsService,
    private readonly definitions: ProcessDefinitionQueries,
    private readonly workers: EngineWorkers,
    private readonly audit: AuditTrail,
    private readonly store: StoreCatchUp,
    private readonly outbox: InstanceCommandOutbox,
  ) {}

  async complete(taskId: string, variables: Variables, principal: Principal): Promise<CompletionAnswer> {
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
    const completion: TaskCompletionCommand = {
      request: { taskId, user: principal.user, groups: principal.groups, variables },
      processId: task.processId,
      elementId: task.elementId,
      ...(task.name ? { name: task.name } : {}),
      requestedAt: new Date().toISOString(),
    };
    const id = await this.record(task.instanceId, completion);
    const row = await this.outbox.claim(id);
    // The same request is being delivered by another request or the dispatcher: its outcome is this one's.
    if (!row) return this.outcomeOf(id, taskId);
    const seq = await this.store.position(task.instanceId);
    // An earlier identical request may have recorded it: what is sent (and audited) is the recorded command.
    const recorded = row.payload.completion as TaskCompletionCommand;
    let result: CompleteTaskResult;
    try {
      result = await this.send(task.instanceId, id, recorded);
    } catch (error) {
      const refusal = refusalOf(error, taskId);
      if (refusal) {
        await this.outbox.settle(row, { delivered: false, rejected: true, error: refusalText(refusal) });
        throw refusal;
      }
      // Recorded, so not lost: Temporal holds it while the instance's worker is replaced (a timeout),
      // refuses more updates in flight for a while (resource exhausted), or is not reachable. The
      // dispatcher sends it again with the same update id.
      const message = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
      if (!isTimeout(error)) this.logger.warn(`completion of ${taskId} left to the outbox: ${message}`);
      await this.outbox.settle(row, {
        delivered: false,
        rejected: false,
        error: message,
        instanceBusy: grpcCodeOf(error) !== GRPC_UNAVAILABLE,
      });
      return pending(taskId);
    }
    await recordTaskCompletion(this.dataSource, this.audit, task.instanceId, recorded, result);
    await this.outbox.settle(row, { delivered: true });
    await this.store.past(task.instanceId, seq);
    return { status: 200, body: result };
  }

  /** The completion command (once per task, user and variables); a refused one is tried again, as a new request. */
  private async record(instanceId: string, completion: TaskCompletionCommand): Promise<string> {
    const command = { kind: 'complete-task' as const, workflowId: instanceId, completion };
    const id = completionCommandId(completion.request);
    try {
      await this.dataSource.transaction((em) => this.outbox.record(em, command));
    } catch (error) {
      // The same request at the same moment inserted it first.
      if (!(await this.dataSource.getRepository(InstanceCommandEntity).existsBy({ id }))) throw error;
    }
    const repo = this.dataSource.getRepository(InstanceCommandEntity);
    const refused = await repo.findOneBy({ id, state: 'rejected' });
    if (refused) {
      const before = refused.payload.completion as TaskCompletionCommand;
      await repo.update(
        { id, state: 'rejected' },
        {
          state: 'pending',
          nextAttemptAt: new Date().toISOString(),
          lastError: null,
          payload: { completion: { ...completion, round: (before.round ?? 0) + 1 } },
        },
      );
    }
    return id;
  }

  private send(
    instanceId: string,
    id: string,
    completion: TaskCompletionCommand,
  ): Promise<CompleteTaskResult> {
    const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
    return withTimeout(
      this.client.withDeadline(deadline, () => sendTaskCompletion(this.client, instanceId, id, completion)),
      COMPLETION_TIMEOUT_MS + 500,
      'the completion',
    );
  }

  /** Waits (bounded) for another delivery of the same command: applied is 409 (this request is its replay), refused its refusal. */
  private async outcomeOf(id: string, taskId: string): Promise<CompletionAnswer> {
    const repo = this.dataSource.getRepository(InstanceCommandEntity);
    const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
    for (;;) {
      const row = await repo.findOneByOrFail({ id });
      if (row.state === 'delivered')
        throw conflict('TASK.NOT_OPEN', `Task ${taskId} was completed by this same request`, {
          state: 'completed',
        });
      if (row.state === 'rejected') throw refusalFromText(row.lastError ?? '', taskId);
      if (Date.now() >= deadline) return pending(taskId);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
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
      // Temporal is slow or restarting: that is no answer to whether a worker runs. The
      // completion is recorded and sent; the bounded send makes it 200 or 202 (pending).
      this.logger.warn(`engine worker check did not answer, completing anyway: ${(error as Error).message}`);
      return;
    }
    if (livePollers === 0)
      throw unavailable(
        'ENGINE.NO_WORKER',
        'No engine worker is running, so the task cannot be completed now; nothing was sent. Retry when GET /api/health reports engineWorkers up.',
      );
  }
}

const GRPC_UNAVAILABLE = 14;

function pending(taskId: string): CompletionAnswer {
  return {
    status: 202,
    body: {
      taskId,
      status: 'pending',
      message: `The completion of ${taskId} is recorded; the instance's worker did not apply it within ${COMPLETION_TIMEOUT_MS} ms, so it is delivered as soon as a worker takes the instance. GET /api/tasks/${encodeURIComponent(taskId)} shows it: state completed, or completion.status rejected with the reason.`,
    },
  };
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof TimeoutError ||
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isGrpcDeadlineError(error) ||
    isGrpcDeadlineError((error as { cause?: unknown })?.cause)
  );
}

function causeOf(error: Error): string {
  const cause = error.cause as { code?: number; details?: string; message?: string } | undefined;
  if (!cause) return '';
  return ` (${cause.code !== undefined ? `gRPC ${cause.code} ` : ''}${cause.details ?? cause.message ?? ''})`;
}

function grpcCodeOf(error: unknown): number | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; i++) {
    if (typeof e.code === 'number') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The instance's refusal as the API's answer; undefined when the error is no refusal (a timeout, Temporal down). */
function refusalOf(error: unknown, taskId: string): DomainError | undefined {
  if (error instanceof WorkflowNotFoundError)
    return conflict('TASK.NOT_OPEN', `Task ${taskId}: its instance has ended`);
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  return refusalByType(type, cause?.message ?? error.message, (cause as ApplicationFailure)?.details?.[0]);
}

function refusalByType(type: string | undefined | null, message: string, details?: unknown): DomainError {
  if (type === 'TASK.NOT_CANDIDATE') return forbidden(type, message);
  if (type === 'TASK.FORM_INVALID') return badRequest(type, message);
  if (type === 'TASK.NOT_OPEN') return conflict(type, message);
  // A completing task listener said no: the task stays open and can be completed again.
  if (type === 'TASK.COMPLETION_DENIED') return conflict(type, message, details);
  if (type === 'INSTANCE.VARIABLES_LIMIT') return conflict(type, message, details);
  return new DomainError('conflict', 'TASK.REJECTED', message);
}

/** How a refusal is kept on the command row (`CODE: message`), and read back for a request that waited on it. */
const refusalText = (refusal: DomainError) => `${refusal.code}: ${refusal.message}`;

function refusalFromText(text: string, taskId: string): DomainError {
  const match = /^([A-Z_]+\.[A-Z_.]+): ([\s\S]*)$/.exec(text);
  return match
    ? refusalByType(match[1], match[2])
    : conflict('TASK.REJECTED', text || `Task ${taskId}: refused`);
}
