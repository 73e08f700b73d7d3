import { Injectable } from '@nestjs/common';
import type { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import type { Variables } from '../../workflows/protocol';
import type { Principal } from '../auth/principal';

export interface TaskCompletion {
  task: UserTaskEntity;
  variables: Variables;
  principal: Principal;
}

/**
 * A process pack's rule on who may submit what (a field that decides who signs must not be
 * lowered by the department that then benefits). Throws a DomainError to refuse.
 */
export type TaskCompletionGuard = (completion: TaskCompletion) => void | Promise<void>;

/** Where packs register their completion guards (at module init); the generic completion runs them all. */
@Injectable()
export class TaskCompletionGuards {
  private readonly guards: TaskCompletionGuard[] = [];

  register(guard: TaskCompletionGuard): void {
    this.guards.push(guard);
  }

  async check(completion: TaskCompletion): Promise<void> {
    for (const guard of this.guards) await guard(completion);
  }
}
