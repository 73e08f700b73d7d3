/**
 * The thin host around the pure core: feeds stimuli into `step` and carries out the
 * commands it returns — activities, timers, child workflows, task records — each in its
 * own cancellation scope so the core can call it off. Results come back as stimuli.
 */
import {
  CancellationScope,
  executeChild,
  patched,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DEFAULT_TIME_ZONE,
  step,
  type BpmnErrorPayload,
  type Command,
  type EngineState,
  type Stimulus,
  type StepEnvironment,
  type StepResult,
} from '../engine';
import type { ProcessGraph } from '../model/process-graph';
import { engineActivities, jobActivity } from './activities';
import { HistoryExporter } from './export-sink';
import { classifyFailure } from './failures';
import {
  businessKeyAttribute,
  PROCESS_INSTANCE_WORKFLOW,
  SEARCH_ATTRIBUTES,
  type ProcessInstanceInput,
  type ProcessInstanceResult,
} from './protocol';
import { jsonSizeBytes, RESULT_VARIABLES_LIMIT_BYTES } from './limits';
import { SearchAttributePublisher } from './search-attributes';
import { workflowNow } from './workflow-clock';

/** How a completion its completing listeners judged ended. */
export type CompletionVerdict =
  { denied: true; deniedReason: string } | { denied: false; outcome: 'completed' | 'cancelled' };

/** Patch id: task ids carry the run key (a business key used again must not reuse its tasks' ids). */
const TASK_IDS_WITH_RUN_KEY = 'task-ids-with-run-key';

export class InstanceHost {
  state!: EngineState;
  /** Set when a child instance ends with an uncaught BPMN error. */
  failure?: BpmnErrorPayload;
  private readonly scopes = new Map<string, CancellationScope>();
  private readonly records = new Set<Promise<void>>();
  private readonly completions = new Map<string, (verdict: CompletionVerdict) => void>();
  private readonly publisher = new SearchAttributePublisher();
  private readonly workflowId = workflowInfo().workflowId;
  readonly exporter: HistoryExporter;

  /** The instance's input; a migration replaces its graph and version (see `repin`). */
  constructor(public input: ProcessInstanceInput) {
    this.exporter = new HistoryExporter(() => this.input);
  }

  get finished(): boolean {
    return this.state.status !== 'ACTIVE';
  }

  start(): void {
    if (this.input.resume) return this.resume(this.input.resume);
    this.apply({
      type: 'start',
      instanceId: this.workflowId,
      // The first run of a continue-as-new chain names the instance's life: stable across runs.
      // Starters say so in the input; only an execution started without it asks the patch
      // (executions started before it keep the task ids they replay with), because a patch
      // costs two history events (MarkerRecorded, and the SDK's TemporalChangeVersion upsert).
      ...((this.input.taskIdsWithRunKey ?? patched(TASK_IDS_WITH_RUN_KEY))
        ? { runKey: workflowInfo().firstExecutionRunId.replace(/-/g, '').slice(-12) }
        : {}),
      variables: this.input.variables ?? {},
      ...(this.input.startEventId ? { startEventId: this.input.startEventId } : {}),
      propagateErrors: workflowInfo().parent !== undefined,
    });
  }

  /** A run continued-as-new: the state comes along, the timers are armed again; nothing else was in flight. */
  private resume(state: EngineState): void {
    this.state = state;
    for (const timer of Object.values(state.timers))
      this.execute({
        type: 'startTimer',
        timerKey: timer.timerKey,
        elementId: timer.elementId,
        fireAt: timer.fireAt,
        fireAtIso: new Date(timer.fireAt).toISOString(),
      });
    this.publisher.publish(state);
  }

  /** History is long and nothing but timers, tasks and subscriptions is pending: time for a fresh run. */
  get shouldContinueAsNew(): boolean {
    const info = workflowInfo();
    const long = this.input.continueAsNewAfterEvents
      ? info.historyLength >= this.input.continueAsNewAfterEvents
      : info.continueAsNewSuggested;
    const timersOnly = [...this.scopes.keys()].every((key) => key in this.state.timers);
    return long && !this.finished && timersOnly && this.records.size === 0;
  }

  apply(stimulus: Stimulus): void {
    const prev = this.state ?? null;
    const result = step(this.input.graph, this.state ?? null, stimulus, {
      now: workflowNow(),
      timeZone: this.input.timeZone || DEFAULT_TIME_ZONE,
      limits: this.input.limits,
    });
    this.state = result.state;
    this.exporter.export(prev, result.state, result.commands);
    for (const command of result.commands) this.execute(command);
    this.publisher.publish(this.state);
  }

  get environment(): StepEnvironment {
    return { now: workflowNow(), timeZone: this.input.timeZone || DEFAULT_TIME_ZONE };
  }

  /**
   * The result of an operator action on the core (modification, migration): taken like a
   * step's. A migration exports after `repin`, so its records carry the target version.
   */
  adopt(result: StepResult, options: { export?: boolean } = {}): void {
    const prev = this.state ?? null;
    this.state = result.state;
    // A sink call, no command: exporting here changes no history (recorded ones replay as before).
    if (options.export !== false) this.exporter.export(prev, result.state, result.commands);
    for (const command of result.commands) this.execute(command);
    this.publisher.publish(this.state);
  }

  /** A migration: from now on (and in every later run) the instance follows this graph and version. */
  repin(graph: ProcessGraph, version: number): void {
    this.input = { ...this.input, graph, version };
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.version, value: version }]);
  }

  /** Wait for task-record writes still in flight (they must land even when the instance is cancelled). */
  async settle(): Promise<void> {
    while (this.records.size > 0) await Promise.all([...this.records]);
  }

  /**
   * A called process hands all its variables to its caller's output mappings. A top-level
   * instance returns them only while they are small: the result is one Temporal payload, and
   * one above the limit terminates the execution. Its variables stay readable via the snapshot query.
   */
  result(): ProcessInstanceResult {
    const variables = this.state.result ?? {};
    if (workflowInfo().parent !== undefined || jsonSizeBytes(variables) <= RESULT_VARIABLES_LIMIT_BYTES)
      return { state: this.state.status, variables };
    return { state: this.state.status, variables: {}, variablesOmitted: true };
  }

  private execute(c: Command): void {
    const meta = {
      instanceId: this.workflowId,
      processId: this.input.graph.processId,
      version: this.input.version,
      businessKey: this.input.businessKey,
    };
    switch (c.type) {
      case 'scheduleActivity': {
        const inProcess = this.input.inProcessTaskTypes?.includes(c.taskType) ?? false;
        const run = jobActivity(
          c.taskType,
          c.retries,
          inProcess ? undefined : (this.input.jobWorkerTimeoutSeconds ?? 600),
        );
        const input = {
          ...meta,
          jobKey: `${this.workflowId}/${c.elementId}/${c.jobKey}`,
          elementId: c.elementId,
          elementInstanceKey: c.elementInstanceKey,
          taskType: c.taskType,
          retries: c.retries,
          headers: c.headers,
          variables: c.variables,
          ...(c.listener ? { listener: c.listener } : {}),
          ...(c.userTask ? { userTask: c.userTask } : {}),
        };
        return this.spawn(
          c.jobKey,
          async () => ({
            type: 'activityCompleted',
            jobKey: c.jobKey,
            variables: (await run(input)) ?? undefined,
          }),
          (outcome) =>
            outcome.kind === 'bpmnError'
              ? { type: 'activityError', jobKey: c.jobKey, error: outcome.error }
              : {
                  type: 'activityFailed',
                  jobKey: c.jobKey,
                  message: outcome.message,
                  incidentKind: outcome.noWorker ? 'no-worker' : 'job-failed',
                },
        );
      }
      case 'startTimer':
        return this.spawn(c.timerKey, async () => {
          await sleep(Math.max(1, c.fireAt - workflowNow()));
          return { type: 'timerFired', timerKey: c.timerKey };
        });
      case 'startChild':
        return this.spawn(
          c.childKey,
          () => this.runChild(c),
          (outcome) =>
            outcome.kind === 'bpmnError'
              ? {
                  type: 'childFailed',
                  childKey: c.childKey,
                  error: outcome.error,
                  message: outcome.error.errorCode,
                }
              : { type: 'childFailed', childKey: c.childKey, message: outcome.message },
        );
      case 'cancelActivity':
        return this.cancel(c.jobKey);
      case 'cancelTimer':
        return this.cancel(c.timerKey);
      case 'cancelChild':
        return this.cancel(c.childKey);
      case 'openUserTask':
        return this.record(() =>
          engineActivities.createUserTask({ ...meta, ...c.task, variables: c.variables }),
        );
      case 'closeUserTask':
        this.settleCompletion(c.taskId, { denied: false, outcome: c.outcome });
        return this.record(() =>
          engineActivities.closeUserTask({
            taskId: c.taskId,
            instanceId: this.workflowId,
            outcome: c.outcome,
            closedAt: new Date().toISOString(),
            ...(c.user ? { completedBy: c.user } : {}),
            ...(c.variables ? { variables: c.variables } : {}),
          }),
        );
      case 'correctUserTask': {
        const { taskId, assignee, candidateGroups, candidateUsers, dueDate, followUpDate } = c.task;
        return this.record(() =>
          engineActivities.correctUserTask({
            taskId,
            assignee,
            candidateGroups,
            candidateUsers,
            dueDate,
            followUpDate,
          }),
        );
      }
      case 'taskCompletionDenied':
        return this.settleCompletion(c.taskId, { denied: true, deniedReason: c.deniedReason });
      case 'failInstance':
        this.failure = c.error;
        return;
      // Subscriptions, incidents and the end of the instance are visible through state, queries and search attributes.
      case 'subscribeMessage':
      case 'unsubscribeMessage':
      case 'subscribeSignal':
      case 'unsubscribeSignal':
      case 'raiseIncident':
      case 'completeInstance':
      case 'terminateInstance':
        return;
    }
  }

  /**
   * A completion whose completing listeners judge it: the completeTask update waits here for
   * their verdict (the task closes, or a listener denies it) and answers with it.
   */
  awaitCompletion(taskId: string): Promise<CompletionVerdict> {
    return new Promise((resolve) => this.completions.set(taskId, resolve));
  }

  private settleCompletion(taskId: string, verdict: CompletionVerdict): void {
    this.completions.get(taskId)?.(verdict);
    this.completions.delete(taskId);
  }

  private async runChild(c: Extract<Command, { type: 'startChild' }>): Promise<Stimulus> {
    const resolved = await engineActivities.resolveProcessGraph(c.processId, c.binding, c.version);
    // A run continued-as-new carries `resume`: the child starts fresh, it must not resume its caller's state.
    const child: ProcessInstanceInput = {
      ...this.input,
      graph: resolved.graph,
      version: resolved.version,
      variables: c.variables,
      startEventId: undefined,
      resume: undefined,
      exportSeq: undefined,
    };
    const result = await executeChild<(input: ProcessInstanceInput) => Promise<ProcessInstanceResult>>(
      PROCESS_INSTANCE_WORKFLOW,
      {
        workflowId: `${this.workflowId}/${c.elementId}/${c.childKey}`,
        args: [child],
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.processId, value: resolved.graph.processId },
          { key: SEARCH_ATTRIBUTES.version, value: resolved.version },
          { key: SEARCH_ATTRIBUTES.businessKey, value: businessKeyAttribute(this.input.businessKey) },
        ],
      },
    );
    if (result.state !== 'COMPLETED')
      return { type: 'childFailed', childKey: c.childKey, message: `called process ended ${result.state}` };
    return { type: 'childCompleted', childKey: c.childKey, variables: result.variables };
  }

  private spawn(
    key: string,
    work: () => Promise<Stimulus>,
    onFailure?: (outcome: Exclude<ReturnType<typeof classifyFailure>, { kind: 'cancelled' }>) => Stimulus,
  ): void {
    const scope = new CancellationScope();
    this.scopes.set(key, scope);
    const settle = (stimulus: Stimulus | undefined) => {
      this.scopes.delete(key);
      if (stimulus) this.apply(stimulus);
    };
    scope.run(work).then(settle, (err: unknown) => {
      const outcome = classifyFailure(err);
      if (outcome.kind === 'cancelled' || !onFailure) return settle(undefined);
      settle(onFailure(outcome));
    });
  }

  private cancel(key: string): void {
    this.scopes.get(key)?.cancel();
    this.scopes.delete(key);
  }

  private record(write: () => Promise<void>): void {
    const done = CancellationScope.nonCancellable(write).then(
      () => void this.records.delete(done),
      () => void this.records.delete(done),
    );
    this.records.add(done);
  }
}
