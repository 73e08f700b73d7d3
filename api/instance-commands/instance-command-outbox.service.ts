import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Or } from 'typeorm';
import { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';
import { commandId, InstanceCommand, payloadOf } from './instance-command';
import { DeliveryOutcome, InstanceCommandDelivery } from './instance-command-delivery.service';

/** A dispatcher owns a command it claimed for this long (then another may take it over). */
const LEASE_MS = 30_000;
/** The longest this process waits before trying its due commands again while Temporal does not answer it. */
const MAX_BACKOFF_MS = 30_000;
/**
 * How soon a command that failed for a transient reason is due again for every process. The
 * backoff belongs to the process that failed, not to the command: an API cut off from Temporal
 * must not hold back a command that another API can deliver at once.
 */
const COMMAND_RETRY_MS = 1_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The one durable path from an API write to a process instance (a transactional outbox):
 * `record` adds the command to the caller's transaction, so the domain rows and the command
 * commit together or not at all; `deliver` hands committed commands to Temporal, and the
 * dispatcher (outbox-dispatcher.service.ts) retries what could not be delivered until Temporal
 * accepts it. Recording the same command twice keeps one row.
 */
@Injectable()
export class InstanceCommandOutbox {
  private readonly logger = new Logger(InstanceCommandOutbox.name);
  /** Transient delivery failures of this process in a row, and until when it leaves due commands to others. */
  private failuresInARow = 0;
  private pausedUntil = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delivery: InstanceCommandDelivery,
  ) {}

  /** Adds the command inside `em`'s transaction; returns its id. `key` distinguishes starts of one workflow id. */
  async record(em: EntityManager, command: InstanceCommand, key?: string): Promise<string> {
    const id = commandId(command, key);
    if (await em.existsBy(InstanceCommandEntity, { id })) return id;
    const now = new Date().toISOString();
    await em.insert(InstanceCommandEntity, {
      id,
      kind: command.kind,
      workflowId: command.workflowId,
      payload: payloadOf(command),
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      nextAttemptAt: now,
      leaseUntil: null,
      deliveredAt: null,
    });
    return id;
  }

  /**
   * Delivers these committed commands now, in order. Returns whether all were delivered; what
   * was not stays pending for the dispatcher (the caller's write has succeeded either way).
   */
  async deliver(ids: string[]): Promise<boolean> {
    let all = true;
    for (const id of ids) all = (await this.attempt(id)) && all;
    return all;
  }

  /** Pending commands that are due, oldest first; none while this process backs off from a Temporal that does not answer it. */
  async due(limit: number): Promise<string[]> {
    if (Date.now() < this.pausedUntil) return [];
    const rows = await this.rows().find({
      select: { id: true },
      where: { state: 'pending', nextAttemptAt: LessThan(iso(Date.now() + 1)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /** Claims, delivers and settles one command; false when it is still pending (or another dispatcher holds it). */
  async attempt(id: string): Promise<boolean> {
    const row = await this.claim(id);
    if (!row) return (await this.rows().findOneBy({ id }))?.state === 'delivered';
    const outcome = await this.delivery.deliver(row);
    await this.settle(row, outcome);
    return outcome.delivered;
  }

  /** Takes a pending command for LEASE_MS unless another process holds it; undefined when it could not. */
  async claim(id: string): Promise<InstanceCommandEntity | undefined> {
    const now = Date.now();
    const claimed = await this.rows().update(
      { id, state: 'pending', leaseUntil: Or(IsNull(), LessThan(iso(now))) },
      { leaseUntil: iso(now + LEASE_MS) },
    );
    return claimed.affected ? this.rows().findOneByOrFail({ id }) : undefined;
  }

  /** Records how the delivery of a claimed command went: delivered, rejected for good, or due again soon. */
  async settle(row: InstanceCommandEntity, outcome: DeliveryOutcome): Promise<void> {
    const repo = this.rows();
    const id = row.id;
    const attempts = row.attempts + 1;
    if (outcome.delivered) {
      this.failuresInARow = 0;
      this.pausedUntil = 0;
      await repo.update(
        { id },
        {
          state: 'delivered',
          attempts,
          deliveredAt: iso(Date.now()),
          leaseUntil: null,
          lastError: outcome.note ?? null,
        },
      );
      return;
    }
    if (outcome.rejected) {
      this.logger.warn(`instance command ${id} rejected for good: ${outcome.error}`);
      await repo.update({ id }, { state: 'rejected', attempts, leaseUntil: null, lastError: outcome.error });
      return;
    }
    // A slow instance (its worker was killed) is no sign that Temporal does not answer this process.
    if (!outcome.instanceBusy) {
      this.failuresInARow += 1;
      this.pausedUntil = Date.now() + Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.failuresInARow, 10));
    }
    // Only a row still in this attempt's lease is settled: another process may have taken it over and delivered it.
    await repo.update(
      { id, state: 'pending' },
      {
        attempts,
        leaseUntil: null,
        lastError: outcome.error,
        nextAttemptAt: iso(Date.now() + COMMAND_RETRY_MS),
      },
    );
  }

  private rows() {
    return this.dataSource.getRepository(InstanceCommandEntity);
  }
}
