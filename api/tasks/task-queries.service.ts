import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';
import { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import type { TaskCompletionCommand } from '../instance-commands/instance-command';
import { notFound } from '../errors/domain-error';
import { badCursor, cursorStrings, encodeCursorStrings } from '../paging/cursor';
import { FormsService } from '../forms/forms.service';
import type { ListTasksRequest } from './list-tasks.request.dto';
import { taskView } from './task-view';

export interface TaskCompletionStatus {
  status: 'pending' | 'rejected';
  requestedBy: string;
  requestedAt: string;
  attempts: number;
  /** Why it was refused (`CODE: message`). */
  reason?: string;
  /** Pending: why the last delivery did not go through yet. */
  lastError?: string;
}

/** Task listing from the task records (a database projection the user-task activities keep). */
@Injectable()
export class TaskQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forms: FormsService,
  ) {}

  async find(taskId: string): Promise<UserTaskEntity> {
    const task = await this.dataSource.getRepository(UserTaskEntity).findOneBy({ taskId });
    if (!task) throw notFound('TASK.NOT_FOUND', `No task ${taskId}`);
    return task;
  }

  async get(taskId: string) {
    const task = await this.find(taskId);
    const form = task.formId ? await this.forms.latest(task.formId) : null;
    const completion = task.state === 'open' ? await this.completionOf(task) : undefined;
    return {
      ...taskView(task),
      ...(completion ? { completion } : {}),
      variables: task.variables ?? {},
      form: form ? { formId: form.formId, version: form.version, schema: form.schema } : undefined,
    };
  }

  /**
   * The latest completion recorded for an open task that has not reached it yet: pending (a
   * 202: delivered when the instance's worker takes it) or rejected (why, as `CODE: message`).
   */
  private async completionOf(task: UserTaskEntity): Promise<TaskCompletionStatus | undefined> {
    const rows = await this.dataSource.getRepository(InstanceCommandEntity).find({
      where: { workflowId: task.instanceId, kind: 'complete-task' },
      order: { createdAt: 'DESC' },
    });
    const row = rows.find(
      (r) => (r.payload.completion as TaskCompletionCommand).request.taskId === task.taskId,
    );
    if (!row || row.state === 'delivered') return undefined;
    const completion = row.payload.completion as TaskCompletionCommand;
    return {
      status: row.state,
      requestedBy: completion.request.user,
      requestedAt: completion.requestedAt,
      attempts: row.attempts,
      ...(row.lastError ? { [row.state === 'rejected' ? 'reason' : 'lastError']: row.lastError } : {}),
    };
  }

  /** Keyset paging on (createdAt, taskId): stable while tasks are added. */
  async list(q: ListTasksRequest): Promise<{ items: ReturnType<typeof taskView>[]; nextCursor?: string }> {
    const qb = this.dataSource.getRepository(UserTaskEntity).createQueryBuilder('t');
    if (q.state) qb.andWhere('t.state = :state', { state: q.state });
    if (q.instanceId) qb.andWhere('t.instanceId = :instanceId', { instanceId: q.instanceId });
    const groupTerm = q.candidateGroup ? `%${JSON.stringify(q.candidateGroup)}%` : undefined;
    const userTerm = q.candidateUser ? `%${JSON.stringify(q.candidateUser)}%` : undefined;
    if (groupTerm || userTerm) {
      qb.andWhere(
        new Brackets((w) => {
          if (groupTerm) w.orWhere('t.candidateGroups LIKE :groupTerm', { groupTerm });
          if (userTerm)
            w.orWhere('t.candidateUsers LIKE :userTerm OR t.assignee = :user', {
              userTerm,
              user: q.candidateUser,
            });
        }),
      );
    }
    if (q.cursor) {
      const [createdAt, taskId] = decodeCursor(q.cursor);
      qb.andWhere('(t.createdAt > :createdAt OR (t.createdAt = :createdAt AND t.taskId > :taskId))', {
        createdAt,
        taskId,
      });
    }
    const rows = await qb
      .orderBy('t.createdAt', 'ASC')
      .addOrderBy('t.taskId', 'ASC')
      .take(q.limit + 1)
      .getMany();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(taskView),
      nextCursor: rows.length > q.limit ? encodeCursorStrings([last.createdAt, last.taskId]) : undefined,
    };
  }
}

function decodeCursor(cursor: string): [string, string] {
  const [createdAt, taskId] = cursorStrings(cursor, 2, 'TASK.BAD_CURSOR');
  if (Number.isNaN(Date.parse(createdAt))) throw badCursor('TASK.BAD_CURSOR');
  return [createdAt, taskId];
}
