import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HistoryInstanceEntity } from '../../persistence/entities/history';

/** How long an operator's action waits for its own change to reach the store. */
export const CATCH_UP_MS = 3000;

/**
 * Read-your-writes over the exporter: the store trails the execution by its export lag, so
 * an action that changed an instance (task completion, modification, migration, cancel)
 * waits — bounded — until the store holds records past those it held before, and the
 * caller's next read shows its own change.
 */
@Injectable()
export class StoreCatchUp {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The instance's last exported record number (-1: none yet). */
  async position(instanceId: string): Promise<number> {
    const row = await this.dataSource.getRepository(HistoryInstanceEntity).findOne({
      select: { lastSeq: true },
      where: { instanceId },
      order: { startedAt: 'DESC' },
    });
    return row?.lastSeq ?? -1;
  }

  /** True once the store has records of the instance past `seq`; false after `ms`. */
  async past(instanceId: string, seq: number, ms = CATCH_UP_MS): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      if ((await this.position(instanceId)) > seq) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
