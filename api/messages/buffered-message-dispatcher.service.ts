import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, IsNull, LessThan, LessThanOrEqual, MoreThan, Or } from 'typeorm';
import { BufferedMessageEntity } from '../../persistence/entities';
import { messageSignal } from '../../workflows/protocol';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { processOfInstance, PublishMessageService } from './publish-message.service';

/** How often each API process looks for subscriptions that buffered messages can reach. */
export const BUFFER_INTERVAL_MS = 1_000;
const LEASE_MS = 15_000;
const BATCH = 50;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Zeebe's message buffer: a message published with a time to live waits for subscriptions that
 * open later. Each tick, every unexpired buffered message looks its subscription term up in
 * visibility (no fan-out over instances) and is signalled to one waiting instance of each
 * process it has not reached yet, with its remaining time to live (so an instance whose
 * subscription closed in the meantime keeps it), once per process as in Zeebe. Expired
 * messages are deleted. A lease per row keeps several API processes apart.
 */
@Injectable()
export class BufferedMessageDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BufferedMessageDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly publisher: PublishMessageService,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.correlateBuffered()
        .catch((error) =>
          this.logger.warn(`buffered messages: ${error instanceof Error ? error.message : error}`),
        )
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, BUFFER_INTERVAL_MS);
        });
    };
    this.timer = setTimeout(tick, BUFFER_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the buffer; returns how many messages were signalled to a new process. */
  async correlateBuffered(): Promise<number> {
    const repo = this.dataSource.getRepository(BufferedMessageEntity);
    const now = Date.now();
    await repo.delete({ expiresAt: LessThanOrEqual(iso(now)) });
    let reached = 0;
    for (const row of await repo.find({ where: { expiresAt: MoreThan(iso(now)) }, take: BATCH })) {
      const claimed = await repo.update(
        { messageId: row.messageId, leaseUntil: Or(IsNull(), LessThan(iso(Date.now()))) },
        { leaseUntil: iso(Date.now() + LEASE_MS) },
      );
      if (!claimed.affected) continue;
      const correlated = new Set(row.correlatedProcessIds);
      for (const instanceId of await this.publisher.waitingInstances(
        row.name,
        row.correlationKey || undefined,
      )) {
        const processId = processOfInstance(instanceId);
        if (correlated.has(processId)) continue;
        const timeToLiveMs = Date.parse(row.expiresAt) - Date.now();
        if (timeToLiveMs <= 0) break;
        try {
          await this.client.workflow.getHandle(instanceId).signal(messageSignal, {
            name: row.name,
            ...(row.correlationKey ? { correlationKey: row.correlationKey } : {}),
            variables: row.variables,
            messageId: row.messageId,
            timeToLiveMs,
          });
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) continue;
          throw error;
        }
        correlated.add(processId);
        reached += 1;
      }
      await repo.update(
        { messageId: row.messageId },
        { correlatedProcessIds: [...correlated], leaseUntil: null },
      );
    }
    return reached;
  }
}
