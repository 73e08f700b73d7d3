/**
 * One time-skipping server and one worker per test file (the suite runs on two cores),
 * plus helpers to start an instance and read its trace.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DISCARD_HISTORY_SINKS } from '../../../history/history-sink';
import { SIGNAL_TASK_TYPE, type ProcessGraph } from '../../../model/process-graph';
import { createTimeSkippingEnv } from '../../support/temporal-env';
import {
  PROCESS_INSTANCE_WORKFLOW,
  timelineQuery,
  type ProcessInstanceInput,
  type Variables,
} from '../../../workflows/protocol';
import { TestBackend } from './test-activities';

export const TASK_QUEUE = 'bpmn-conformance';

export class ConformanceEnv {
  env!: TestWorkflowEnvironment;
  worker!: Worker;
  backend = new TestBackend();
  private running!: Promise<void>;

  async setUp(): Promise<void> {
    this.env = await createTimeSkippingEnv();
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      workflowsPath: require.resolve('../../../workflows'),
      // cron-parser (used for cron timer cycles) imports fs for its crontab reader, which workflows never call.
      bundlerOptions: { ignoreModules: ['fs', 'fs/promises'] },
      activities: { ...this.backend.engineActivities(), ...this.backend.jobActivities() },
      taskQueue: TASK_QUEUE,
      sinks: DISCARD_HISTORY_SINKS,
    });
    this.running = this.worker.run();
  }

  async tearDown(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.env?.teardown();
  }

  async start(
    graph: ProcessGraph,
    variables: Variables = {},
    extra: Partial<ProcessInstanceInput> = {},
  ): Promise<WorkflowHandle> {
    this.backend.graphs.set(graph.processId, graph);
    const input: ProcessInstanceInput = {
      graph,
      version: 1,
      businessKey: randomUUID(),
      variables,
      timeZone: 'Asia/Shanghai',
      inProcessTaskTypes: [
        'echo',
        'double',
        'reject',
        'flaky',
        'listen',
        'route',
        'assign-reviewer',
        'require-approval',
        SIGNAL_TASK_TYPE,
      ],
      taskIdsWithRunKey: true,
      ...extra,
    };
    return this.env.client.workflow.start(PROCESS_INSTANCE_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: `${graph.processId}/${input.businessKey}`,
      args: [input],
    });
  }

  /** Completed elements in order, the process itself left out. */
  async trace(handle: WorkflowHandle): Promise<string[]> {
    const timeline = await handle.query(timelineQuery);
    return timeline
      .filter((e) => e.event === 'completed' && e.elementType !== 'process')
      .map((e) => e.elementId);
  }

  openTasks(elementId?: string) {
    return [...this.backend.tasks.values()].filter(
      (t) => t.state === 'open' && (!elementId || t.elementId === elementId),
    );
  }
}
