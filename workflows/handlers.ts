/** Signals, updates and queries of a process instance, wired onto the host. */
import { ApplicationFailure, log, setHandler } from '@temporalio/workflow';
import { refuseTaskCompletion, snapshotOf } from '../engine';
import type { CompletionVerdict, InstanceHost } from './instance-host';
import {
  broadcastSignal,
  completeTaskUpdate,
  messageSignal,
  retryIncidentUpdate,
  snapshotQuery,
  timelineQuery,
  variablesLimitQuery,
  type InstanceSnapshot,
  type Variables,
} from './protocol';
import { installOperationHandlers } from './operation-handlers';
import { formValidationError } from './task-form-validation';
import { variablesLimitError } from './variables-limit';

/** A user task with completing listeners: its completion waits for their verdict. */
function completionIsJudged(host: InstanceHost, taskId: string): boolean {
  const task = host.state.tasks[taskId];
  const node = task && host.input.graph.nodes[task.elementId];
  return node?.kind === 'userTask' && !!node.taskListeners?.some((l) => l.eventType === 'completing');
}

function answerVerdict(taskId: string, verdict: CompletionVerdict): { taskId: string; completedAt: string } {
  if (verdict.denied)
    throw ApplicationFailure.create({
      message: `the completion of task ${taskId} was denied by a task listener${verdict.deniedReason ? `: ${verdict.deniedReason}` : ''}`,
      type: 'TASK.COMPLETION_DENIED',
      nonRetryable: true,
      details: [{ deniedReason: verdict.deniedReason }],
    });
  if (verdict.outcome === 'cancelled')
    throw ApplicationFailure.create({
      message: `task ${taskId} was cancelled while its completion was judged`,
      type: 'TASK.NOT_OPEN',
      nonRetryable: true,
    });
  return { taskId, completedAt: new Date().toISOString() };
}

export function installHandlers(host: InstanceHost): void {
  setHandler(messageSignal, (message) => {
    if (refusedForSize(host, `message ${message.name} (${message.messageId})`, message.variables)) return;
    host.apply({
      type: 'message',
      name: message.name,
      correlationKey: message.correlationKey,
      variables: message.variables,
      messageId: message.messageId,
      timeToLiveMs: message.timeToLiveMs,
    });
  });

  setHandler(broadcastSignal, (signal) => {
    if (refusedForSize(host, `signal ${signal.name} (${signal.signalId})`, signal.variables)) return;
    host.apply({ type: 'signal', name: signal.name, variables: signal.variables, signalId: signal.signalId });
  });

  setHandler(
    completeTaskUpdate,
    (request) => {
      // Two updates for one task can pass validation in the same activation: the second loses here.
      const refusal = refuseTaskCompletion(host.state, request.taskId, request.user, request.groups);
      if (refusal)
        throw ApplicationFailure.create({ message: refusal.message, type: refusal.code, nonRetryable: true });
      const judged = completionIsJudged(host, request.taskId);
      // Registered before the step: its listeners' jobs may not even be needed (none left to run).
      const verdict = judged ? host.awaitCompletion(request.taskId) : undefined;
      host.apply({
        type: 'taskCompleted',
        taskId: request.taskId,
        user: request.user,
        variables: request.variables,
      });
      if (!verdict) return Promise.resolve({ taskId: request.taskId, completedAt: new Date().toISOString() });
      return verdict.then((v) => answerVerdict(request.taskId, v));
    },
    {
      validator: (request) => {
        const refusal = refuseTaskCompletion(host.state, request.taskId, request.user, request.groups);
        // The failure type carries the code, so the API can answer 409 / 403 / 400 without parsing messages.
        if (refusal)
          throw ApplicationFailure.create({
            message: refusal.message,
            type: refusal.code,
            nonRetryable: true,
          });
        const invalid = formValidationError(host.state.tasks[request.taskId], request.variables ?? {});
        if (invalid)
          throw ApplicationFailure.create({
            message: invalid,
            type: 'TASK.FORM_INVALID',
            nonRetryable: true,
          });
        // Refused before it is applied, so the instance stays healthy and the task open.
        const tooLarge = variablesLimitError(host.state, request.variables ?? {});
        if (tooLarge)
          throw ApplicationFailure.create({
            message: tooLarge.message,
            type: 'INSTANCE.VARIABLES_LIMIT',
            nonRetryable: true,
            details: [tooLarge.details],
          });
      },
    },
  );

  setHandler(
    retryIncidentUpdate,
    (request) => {
      host.apply({ type: 'incidentRetried', incidentId: request.incidentId });
      return Promise.resolve({ retried: true });
    },
    {
      validator: (request) => {
        const open = host.state.incidents.some((i) => i.incidentId === request.incidentId && !i.resolved);
        if (!open)
          throw ApplicationFailure.create({
            message: `incident ${request.incidentId} is unknown or already resolved`,
            type: 'INCIDENT.NOT_OPEN',
            nonRetryable: true,
          });
      },
    },
  );

  setHandler(snapshotQuery, (): InstanceSnapshot => ({
    processId: host.input.graph.processId,
    version: host.input.version,
    businessKey: host.input.businessKey,
    ...snapshotOf(host.state),
  }));
  setHandler(timelineQuery, () => host.state.timeline);
  setHandler(variablesLimitQuery, (variables) => variablesLimitError(host.state, variables ?? {}) ?? null);
  installOperationHandlers(host);
}

/**
 * A signal cannot be refused, so one whose variables would push the instance past its limit
 * (the API asks `variablesLimit` first and answers 409; this catches a race, a buffered message
 * or an outbox delivery) is left out whole: merged, it would fail every later step on
 * Temporal's payload limit.
 */
function refusedForSize(host: InstanceHost, what: string, variables: Variables | undefined): boolean {
  const tooLarge = variablesLimitError(host.state, variables ?? {});
  if (tooLarge) log.warn(`${what} not taken: ${tooLarge.message}`);
  return tooLarge !== undefined;
}
