/**
 * Task notices: a new task for your group, a task due tomorrow, a task overdue. Every
 * interval the open tasks are read; each notice is written once (id `<taskId>|<kind>`)
 * and then delivered through the notification channel, claimed first so two API
 * processes never send the same notice. Packs add escalation recipients for overdue tasks
 * (e.g. the department's manager group) with addEscalation().
 */
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThan, Or } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { UserTaskEntity } from '../../persistence/entities';
import { TaskNoticeEntity, type TaskNoticeKind } from '../../persistence/entities/notification.entity';
import { APP_CONFIG } from '../config/app-config.module';
import { NOTIFICATION_CHANNEL, type NotificationChannel } from './notification-channel';
import { noticeText } from './task-notice-text';

export interface TaskEscalation {
  /** Extra recipients of the overdue notice of this task; empty when the pack has none for it. */
  overdueRecipients(task: UserTaskEntity): string[];
}

const CLAIM_TIMEOUT_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

@Injectable()
export class TaskNoticesService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('TaskNotices');
  private readonly escalations: TaskEscalation[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNEL) private readonly channel: NotificationChannel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  addEscalation(escalation: TaskEscalation): void {
    this.escalations.push(escalation);
  }

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.runOnce().catch(() => undefined),
      this.config.mail.noticeIntervalSeconds * 1000,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Writes the notices that are due and delivers the pending ones; one run at a time per process. */
  async runOnce(now = Date.now()): Promise<{ written: number; delivered: number }> {
    while (this.running) await this.running.catch(() => undefined);
    const run = (async () => ({ written: await this.scan(now), delivered: await this.dispatch(now) }))();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = undefined;
    }
  }

  async scan(now = Date.now()): Promise<number> {
    const tasks = await this.dataSource.getRepository(UserTaskEntity).findBy({ state: 'open' });
    if (!tasks.length) return 0;
    const repo = this.dataSource.getRepository(TaskNoticeEntity);
    const known = new Set<string>();
    for (let i = 0; i < tasks.length; i += 500) {
      const ids = tasks.slice(i, i + 500).map((t) => t.taskId);
      for (const row of await repo.find({ select: { id: true }, where: { taskId: In(ids) } }))
        known.add(row.id);
    }
    const tz = this.config.plantTimeZone;
    const tomorrow = plantDate(now + DAY_MS, tz);
    let written = 0;
    for (const task of tasks) {
      const kinds: TaskNoticeKind[] = ['new'];
      if (task.dueDate) {
        const due = Date.parse(task.dueDate);
        if (due < now) kinds.push('overdue');
        else if (plantDate(due, tz) === tomorrow) kinds.push('due-tomorrow');
      }
      for (const kind of kinds) {
        const id = `${task.taskId}|${kind}`;
        if (known.has(id)) continue;
        const recipients = [
          ...task.candidateGroups.map((g) => `group:${g}`),
          ...task.candidateUsers.map((u) => `user:${u}`),
          ...(task.assignee ? [`user:${task.assignee}`] : []),
          ...(kind === 'overdue' ? this.escalations.flatMap((e) => e.overdueRecipients(task)) : []),
        ];
        const text = noticeText(
          task,
          kind,
          task.dueDate ? plantDateTime(Date.parse(task.dueDate), tz) : null,
        );
        try {
          await repo.insert({
            id,
            taskId: task.taskId,
            kind,
            recipients: [...new Set(recipients)],
            ...text,
            createdAt: new Date(now).toISOString(),
            claimedAt: null,
            deliveredAt: null,
            channel: null,
            attempts: 0,
            lastError: null,
          });
          written += 1;
        } catch {
          // Another API process wrote it first: the notice exists once.
        }
      }
    }
    return written;
  }

  async dispatch(now = Date.now(), limit = 100): Promise<number> {
    const repo = this.dataSource.getRepository(TaskNoticeEntity);
    const stale = new Date(now - CLAIM_TIMEOUT_MS).toISOString();
    const pending = await repo.find({
      where: { deliveredAt: IsNull(), claimedAt: Or(IsNull(), LessThan(stale)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    let delivered = 0;
    for (const notice of pending) {
      const claim = await repo
        .createQueryBuilder()
        .update()
        .set({ claimedAt: new Date().toISOString() })
        .where('id = :id AND "deliveredAt" IS NULL AND ("claimedAt" IS NULL OR "claimedAt" < :stale)', {
          id: notice.id,
          stale,
        })
        .execute();
      if (claim.affected !== 1) continue;
      try {
        if (notice.recipients.length) await this.channel.deliver(notice);
        await repo.update(
          { id: notice.id },
          {
            deliveredAt: new Date().toISOString(),
            channel: notice.recipients.length ? this.channel.name : 'nobody',
            attempts: notice.attempts + 1,
            lastError: null,
          },
        );
        delivered += 1;
      } catch (error) {
        this.log.warn(`task notice ${notice.id} not delivered: ${(error as Error).message}`);
        await repo.update(
          { id: notice.id },
          { claimedAt: null, attempts: notice.attempts + 1, lastError: (error as Error).message },
        );
      }
    }
    return delivered;
  }
}

function plantDate(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(epochMs);
}

function plantDateTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
  return `${parts.replace(',', '')} (${timeZone})`;
}
