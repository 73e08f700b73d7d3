/**
 * Customer communications as an outbox: the activity that decides to tell the customer writes
 * the message in its own transaction, keyed by the job's idempotency key, so a retried
 * activity never writes it twice. A dispatcher hands undelivered messages to a pluggable
 * channel, claiming each row first so two dispatchers never deliver the same message.
 */
import { DataSource, EntityManager, IsNull, LessThan, Or } from 'typeorm';
import { OutboxMessageEntity } from '../../../persistence/entities/contract-review';

export interface OutboxMessage {
  id: string;
  kind: string;
  contractNo?: string | null;
  customerId?: string | null;
  recipients: string[];
  subject: string;
  body: string;
}

/** Writes the message unless one with this id exists. Returns whether it was new. */
export async function writeOutbox(
  em: EntityManager,
  message: OutboxMessage,
  createdAt: string,
): Promise<boolean> {
  const existing = await em.findOneBy(OutboxMessageEntity, { id: message.id });
  if (existing) return false;
  await em.insert(OutboxMessageEntity, {
    ...message,
    contractNo: message.contractNo ?? null,
    customerId: message.customerId ?? null,
    createdAt,
    claimedAt: null,
    deliveredAt: null,
    channel: null,
    attempts: 0,
    lastError: null,
  });
  return true;
}

/** Where messages go: SMTP, EDI, a CRM… The embedded default only records them (shown in the UI). */
export interface OutboxChannel {
  readonly name: string;
  /** Must accept a repeat of the same message id (the id is the idempotency key to pass on). */
  deliver(message: OutboxMessageEntity): Promise<void>;
}

export class RecordingChannel implements OutboxChannel {
  readonly name = 'recorded';
  async deliver(): Promise<void> {
    // The row itself, with deliveredAt and channel set, is the record the UI shows.
  }
}

const CLAIM_TIMEOUT_MS = 5 * 60_000;

export class OutboxDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: OutboxChannel,
    private readonly now: () => number = Date.now,
  ) {}

  /** Delivers up to `limit` pending messages; returns how many were delivered by this call. */
  async dispatchPending(limit = 50): Promise<number> {
    const repo = this.dataSource.getRepository(OutboxMessageEntity);
    const stale = new Date(this.now() - CLAIM_TIMEOUT_MS).toISOString();
    const pending = await repo.find({
      where: { deliveredAt: IsNull(), claimedAt: Or(IsNull(), LessThan(stale)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    let delivered = 0;
    for (const message of pending) {
      const claimedAt = new Date(this.now()).toISOString();
      const claim = await repo
        .createQueryBuilder()
        .update()
        .set({ claimedAt })
        .where('id = :id AND "deliveredAt" IS NULL AND ("claimedAt" IS NULL OR "claimedAt" < :stale)', {
          id: message.id,
          stale,
        })
        .execute();
      if (claim.affected !== 1) continue; // another dispatcher has it
      try {
        await this.channel.deliver(message);
        await repo.update(
          { id: message.id },
          {
            deliveredAt: new Date(this.now()).toISOString(),
            channel: this.channel.name,
            attempts: message.attempts + 1,
            lastError: null,
          },
        );
        delivered += 1;
      } catch (error) {
        await repo.update(
          { id: message.id },
          { claimedAt: null, attempts: message.attempts + 1, lastError: (error as Error).message },
        );
      }
    }
    return delivered;
  }
}
