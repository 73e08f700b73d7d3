import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Or } from 'typeorm';
import { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';
import { commandId, InstanceCommand } from './instance-command';
import { InstanceCommandDelivery } from './instance-command-delivery.service';

/** A dispatcher owns a command it claimed for this long (then another may take it over). */
const LEASE_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

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
      payload: command.kind === 'start' ? { start: command.start } : { message: command.message },
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

  /** Pending commands that are due, oldest first. */
  async due(limit: number): Promise<string[]> {
    const rows = await this.dataSource.getRepository(InstanceCommandEntity).find({
      select: { id: true },
      where: { state: 'pending', nextAttemptAt: LessThan(iso(Date.now() + 1)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /** Claims, delivers and settles one command; false when it is still pending (or another dispatcher holds it). */
  async attempt(id: string): Promise<boolean> {
    const repo = this.dataSource.getRepository(InstanceCommandEntity);
    const now = Date.now();
    const claimed = await repo.update(
      { id, state: 'pending', leaseUntil: Or(IsNull(), LessThan(iso(now))) },
      { leaseUntil: iso(now + LEASE_MS) },
    );
    if (!claimed.affected) return (await repo.findOneBy({ id }))?.state === 'delivered';
    const row = await repo.findOneByOrFail({ id });
    const outcome = await this.delivery.deliver(row);
    const attempts = row.attempts + 1;
    if (outcome.delivered) {
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
      return true;
    }
    if (outcome.rejected) {
      this.logger.warn(`instance command ${id} rejected for good: ${outcome.error}`);
      await repo.update({ id }, { state: 'rejected', attempts, leaseUntil: null, lastError: outcome.error });
      return false;
    }
    const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempts, 10));
    await repo.update(
      { id },
      { attempts, leaseUntil: null, lastError: outcome.error, nextAttemptAt: iso(Date.now() + backoff) },
    );
    return false;
  }
}
