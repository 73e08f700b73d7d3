import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, ScheduleNotFoundError, ScheduleOptions } from '@temporalio/client';
import { IN_PROCESS_TASK_TYPES } from '../../activities/in-process-task-types';
import type { AppConfig } from '../../config/app-config';
import { timerStartSchedule } from '../../engine';
import type { ProcessGraph, StartEventNode } from '../../model/process-graph';
import {
  ENGINE_TASK_QUEUE,
  PROCESS_INSTANCE_WORKFLOW,
  ProcessInstanceInput,
  SEARCH_ATTRIBUTES,
} from '../../workflows/protocol';
import { APP_CONFIG } from '../config/app-config.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

const PREFIX = 'bpmn-timer-start';

/**
 * A timer start event is a Temporal Schedule that starts instances of the deployed version.
 * Deploying a new version replaces the process's schedules (as Zeebe replaces timer start
 * subscriptions); a version without timer start events removes them.
 */
@Injectable()
export class TimerStartSchedules {
  private readonly logger = new Logger(TimerStartSchedules.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sync(graph: ProcessGraph, version: number): Promise<string[]> {
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
    for (const start of starts) await this.replace(this.options(graph, version, start));
    return [...wanted];
  }

  private async replace(options: ScheduleOptions): Promise<void> {
    try {
      await this.client.schedule.getHandle(options.scheduleId).delete();
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
    await this.client.schedule.create(options);
    this.logger.log(`schedule ${options.scheduleId} created`);
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
      inProcessTaskTypes: [...IN_PROCESS_TASK_TYPES],
      jobWorkerTimeoutSeconds: this.config.jobWorkerTimeoutSeconds,
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
          { key: SEARCH_ATTRIBUTES.businessKey, value: businessKey },
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
