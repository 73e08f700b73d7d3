import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { EngineWorkers } from '../temporal/engine-workers';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client';
import { withTimeout } from '../temporal/with-timeout';

/** Each check gets this long; they run side by side, so the whole answer comes well within 2 s. */
export const CHECK_TIMEOUT_MS = 1500;

export type CheckStatus = 'up' | 'down' | 'unknown';
export interface CheckResult {
  status: CheckStatus;
  ms: number;
  message?: string;
  [detail: string]: unknown;
}

export interface HealthReport {
  /** ok: all up; degraded: the API works but no engine worker polls, so instances do not advance; error: a dependency is down. */
  status: 'ok' | 'degraded' | 'error';
  details: { database: CheckResult; temporal: CheckResult; engineWorkers: CheckResult };
}

/**
 * The checks behind /api/health, /ready and /live. Not on @nestjs/terminus: its result has no
 * `degraded` (200 while no engine worker polls), it answers a failed check by throwing a 503
 * that the API's one error shape would replace, and it sets no timeout on a check; these three
 * checks with their own timeouts are all the API needs.
 */
@Injectable()
export class HealthChecks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly workers: EngineWorkers,
  ) {}

  /** Database and Temporal only: what this API process needs to serve requests. */
  async readiness(): Promise<
    Pick<HealthReport, 'status'> & { details: Omit<HealthReport['details'], 'engineWorkers'> }
  > {
    const [database, temporal] = await Promise.all([this.database(), this.temporal()]);
    return {
      status: database.status === 'up' && temporal.status === 'up' ? 'ok' : 'error',
      details: { database, temporal },
    };
  }

  async report(): Promise<HealthReport> {
    const [database, temporal, engineWorkers] = await Promise.all([
      this.database(),
      this.temporal(),
      this.engineWorkers(),
    ]);
    const status =
      database.status !== 'up' || temporal.status !== 'up'
        ? 'error'
        : engineWorkers.status === 'up'
          ? 'ok'
          : 'degraded';
    return { status, details: { database, temporal, engineWorkers } };
  }

  private database(): Promise<CheckResult> {
    return timed(async () => {
      await this.dataSource.query('SELECT 1');
      return { type: this.dataSource.options.type };
    });
  }

  private temporal(): Promise<CheckResult> {
    return timed(async () => {
      const info = await this.client.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return { serverVersion: info.serverVersion, namespace: this.client.options.namespace };
    }, 'Temporal');
  }

  private engineWorkers(): Promise<CheckResult> {
    return timed(
      async () => {
        const status = await this.workers.status(CHECK_TIMEOUT_MS);
        if (status.livePollers === 0)
          return {
            status: 'down' as const,
            message: `no engine worker polls task queue ${status.taskQueue}: instances do not advance`,
            ...status,
          };
        return { ...status };
      },
      'DescribeTaskQueue',
      'unknown',
    );
  }
}

/** Runs one check within CHECK_TIMEOUT_MS; a failure or a timeout makes it `failed` with the reason. */
async function timed(
  check: () => Promise<Record<string, unknown> & { status?: CheckStatus }>,
  what = 'the database',
  failed: CheckStatus = 'down',
): Promise<CheckResult> {
  const started = Date.now();
  try {
    const details = await withTimeout(check(), CHECK_TIMEOUT_MS, what);
    return { ...details, status: details.status ?? 'up', ms: Date.now() - started };
  } catch (error) {
    return { status: failed, ms: Date.now() - started, message: (error as Error).message };
  }
}
