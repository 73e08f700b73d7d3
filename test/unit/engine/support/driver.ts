/**
 * Drives the pure core like a host would, without Temporal: keeps the state, remembers the
 * open jobs and children from the commands, and moves a fake clock to fire timers in order.
 */
import type { ProcessGraph } from '../../../../model/process-graph';
import {
  step,
  type Command,
  type EngineLimits,
  type EngineState,
  type ScheduleActivity,
  type StartChild,
  type Stimulus,
  type Variables,
} from '../../../../engine';

export const T0 = Date.UTC(2024, 0, 1, 0, 0, 0);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class Driver {
  state!: EngineState;
  now = T0;
  readonly commands: Command[] = [];
  readonly jobs = new Map<string, ScheduleActivity>();
  readonly children = new Map<string, StartChild>();
  /** Bounds of each step (engine/limits.ts); the defaults where absent. */
  limits: Partial<EngineLimits> = {};
  private messageCount = 0;

  constructor(
    readonly graph: ProcessGraph,
    readonly timeZone = 'Asia/Shanghai',
  ) {}

  start(variables: Variables = {}, options: { startEventId?: string; propagateErrors?: boolean } = {}): this {
    return this.send({ type: 'start', instanceId: 'proc/bk', variables, ...options });
  }

  send(stimulus: Stimulus): this {
    const result = step(this.graph, this.state ?? null, stimulus, {
      now: this.now,
      timeZone: this.timeZone,
      limits: this.limits,
    });
    // The core never mutates its input state: the next step gets it frozen, so any write to it throws.
    this.state = deepFreeze(result.state);
    for (const c of result.commands) this.record(c);
    return this;
  }

  /** Take the result of an operator action (modification, migration) as if a step had produced it. */
  adopt(result: { state: EngineState; commands: Command[] }, graph?: ProcessGraph): this {
    if (graph) (this as { graph: ProcessGraph }).graph = graph;
    this.state = deepFreeze(result.state);
    for (const c of result.commands) this.record(c);
    return this;
  }

  private record(c: Command): void {
    this.commands.push(c);
    if (c.type === 'scheduleActivity') this.jobs.set(c.jobKey, c);
    if (c.type === 'cancelActivity') this.jobs.delete(c.jobKey);
    if (c.type === 'startChild') this.children.set(c.childKey, c);
    if (c.type === 'cancelChild') this.children.delete(c.childKey);
  }

  job(elementId: string): ScheduleActivity {
    const job = [...this.jobs.values()].find((j) => j.elementId === elementId);
    if (!job)
      throw new Error(
        `no open job for ${elementId}; open: ${[...this.jobs.values()].map((j) => j.elementId)}`,
      );
    return job;
  }

  completeJob(elementId: string, variables?: Variables): this {
    const job = this.job(elementId);
    this.jobs.delete(job.jobKey);
    return this.send({ type: 'activityCompleted', jobKey: job.jobKey, variables });
  }

  failJob(elementId: string, errorCode: string, variables?: Variables): this {
    const job = this.job(elementId);
    this.jobs.delete(job.jobKey);
    return this.send({ type: 'activityError', jobKey: job.jobKey, error: { errorCode, variables } });
  }

  taskId(elementId: string): string {
    const task = Object.values(this.state.tasks).find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task for ${elementId}`);
    return task.taskId;
  }

  completeTask(elementId: string, variables?: Variables, user = 'alice'): this {
    return this.send({ type: 'taskCompleted', taskId: this.taskId(elementId), user, variables });
  }

  message(
    name: string,
    correlationKey?: string,
    variables?: Variables,
    messageId = `m${++this.messageCount}`,
  ): this {
    return this.send({ type: 'message', name, correlationKey, variables, messageId });
  }

  /** Move the clock forward, firing due timers one by one in time order. */
  advance(ms: number): this {
    const until = this.now + ms;
    for (;;) {
      const due = Object.values(this.state.timers)
        .filter((t) => t.fireAt <= until)
        .sort((a, b) => a.fireAt - b.fireAt || Number(a.timerKey) - Number(b.timerKey))[0];
      if (!due) break;
      this.now = Math.max(this.now, due.fireAt);
      this.send({ type: 'timerFired', timerKey: due.timerKey });
    }
    this.now = until;
    return this;
  }

  /** Completed elements in order (the process itself left out). */
  trace(): string[] {
    return this.state.timeline
      .filter((e) => e.event === 'completed' && e.elementType !== 'process')
      .map((e) => e.elementId);
  }

  active(): string[] {
    return [
      ...new Set(
        Object.values(this.state.instances)
          .filter((i) => i.kind !== 'process')
          .map((i) => i.elementId),
      ),
    ].sort();
  }

  get variables(): Variables {
    return this.state.variables['0'] ?? {};
  }
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
