import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOptions } from '@temporalio/client';
import type { AppConfig } from '../../config/app-config';
import { timerStartSchedule } from '../../engine';
import type { ProcessGraph, StartEventNode } from '../../model/process-graph';
import {
  businessKeyAttribute,
  ENGINE_TASK_QUEUE,
  PROCESS_INSTANCE_WORKFLOW,
  ProcessInstanceInput,
  SEARCH_ATTRIBUTES,
} from '../../workflows/protocol';
import { APP_CONFIG } from '../config/app-config.module';
import { IN_PROCESS_TYPES } from '../process-packs/process-packs.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { ProcessDefinitionQueries } from './process-definition-queries.service';

const PREFIX = 'bpmn-timer-start';

/**
 * A timer start event is a Temporal Schedule that starts instances of the deployed version.
 * Deploying a new version replaces the process's schedules (as Zeebe replaces timer start
 * subscriptions); a version without timer start events removes them. At start-up the API
 * reconciles: a deployment whose schedule update failed (Temporal unreachable) is repaired.
 */
@Injectable()
export class TimerStartSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(TimerStartSchedules.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly definitions: ProcessDefinitionQueries,
    @Inject(IN_PROCESS_TYPES) private readonly inProcessTaskTypes: ReadonlySet<string>,
  ) {}

  /** In the background: an API starting while Temporal is frozen must still come up and answer health. */
  onApplicationBootstrap(): void {
    this.reconcileAll().then(
      (created) => {
        if (created.length) this.logger.warn(`timer start schedules recreated: ${created.join(', ')}`);
      },
      (error: unknown) =>
        this.logger.error(`timer start schedules not reconciled: ${(error as Error).message}`),
    );
  }

  /** Every latest version has exactly its timer start schedules; existing ones are left as they run. Returns those created. */
  async reconcileAll(): Promise<string[]> {
    const created: string[] = [];
    for (const { processId } of await this.definitions.list()) {
      const { graph, version } = await this.definitions.get(processId);
      created.push(...(await this.sync(graph, version, false)));
    }
    return created;
  }

  /** Makes the process's schedules match this version: `replace` recreates them (a new deployment), otherwise only missing ones are created. Returns the ids created. */
  async sync(graph: ProcessGraph, version: number, replace = true): Promise<string[]> {
    const starts = Object.values(graph.nodes).filter(
      (n): n is StartEventNode =>
        n.kind === 'startEvent' && n.parent === graph.processId && n.event.type === 'timer',
    );
    const wanted = new Set(starts.map((s) => scheduleId(graph.processId, s.id)));
    for await (const schedule of this.client.schedule.list()) {
      if (
        schedule.scheduleId.startsWith(`${PREFIX}/${graph.processId}/`) &&
        !wanted.has(schedule.scheduleId)
      ) {
        await this.client.schedule.getHandle(schedule.scheduleId).delete();
      }
    }
    const created: string[] = [];
    for (const start of starts) {
      const options = this.options(graph, version, start);
      if (await this.exists(options.scheduleId)) {
        if (!replace) continue;
        await this.client.schedule.getHandle(options.scheduleId).delete();
      }
      try {
        await this.client.schedule.create(options);
        created.push(options.scheduleId);
      } catch (error) {
        // Another API replica reconciling at the same moment created it.
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      }
    }
    return created;
  }

  private async exists(scheduleId: string): Promise<boolean> {
    try {
      await this.client.schedule.getHandle(scheduleId).describe();
      return true;
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return false;
      throw error;
    }
  }

  private options(graph: ProcessGraph, version: number, start: StartEventNode): ScheduleOptions {
    if (start.event.type !== 'timer') throw new Error('not a timer start event');
    const timeZone = this.config.plantTimeZone;
    const plan = timerStartSchedule(start.event.timer, Date.now(), timeZone);
    const businessKey = `timer-${start.id}`;
    const input: ProcessInstanceInput = {
      graph,
      version,
      businessKey,
      variables: {},
      startEventId: start.id,
      timeZone,
      inProcessTaskTypes: [...this.inProcessTaskTypes],
      jobWorkerTimeoutSeconds: this.config.jobWorkerTimeoutSeconds,
      limits: this.config.engineLimits,
      taskIdsWithRunKey: true,
    };
    const spec: ScheduleOptions['spec'] =
      plan.kind === 'cron'
        ? { cronExpressions: [plan.cron], timezone: timeZone }
        : plan.kind === 'interval'
          ? {
              intervals: [{ every: plan.everyMs, offset: plan.startAt ? plan.startAt % plan.everyMs : 0 }],
              startAt: plan.startAt ? new Date(plan.startAt) : undefined,
            }
          : { calendars: [onceAt(plan.at)] };
    const times = plan.kind === 'once' ? 1 : plan.times;
    return {
      scheduleId: scheduleId(graph.processId, start.id),
      spec,
      action: {
        type: 'startWorkflow',
        workflowType: PROCESS_INSTANCE_WORKFLOW,
        // Temporal appends the firing time, so every instance gets its own id.
        workflowId: `${graph.processId}/${businessKey}`,
        taskQueue: ENGINE_TASK_QUEUE,
        args: [input],
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.processId, value: graph.processId },
          { key: SEARCH_ATTRIBUTES.version, value: version },
          { key: SEARCH_ATTRIBUTES.businessKey, value: businessKeyAttribute(businessKey) },
        ],
      },
      ...(times !== undefined ? { state: { remainingActions: times } } : {}),
      memo: { processId: graph.processId, version, startEventId: start.id },
    };
  }
}

function scheduleId(processId: string, startEventId: string): string {
  return `${PREFIX}/${processId}/${startEventId}`;
}

/** A calendar entry matching exactly one instant (UTC fields). */
function onceAt(at: number) {
  const d = new Date(at);
  return {
    year: d.getUTCFullYear(),
    month: (
      [
        'JANUARY',
        'FEBRUARY',
        'MARCH',
        'APRIL',
        'MAY',
        'JUNE',
        'JULY',
        'AUGUST',
        'SEPTEMBER',
        'OCTOBER',
        'NOVEMBER',
        'DECEMBER',
      ] as const
    )[d.getUTCMonth()],
    dayOfMonth: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}
