import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditAction, AuditEntryView, Page } from '../../history/history-views';
import { AuditEntryEntity } from '../../persistence/entities/history';
import { badCursor, openToken, sealToken } from '../paging/cursor';
import type { ListAuditRequest } from './list-audit.request.dto';

export interface AuditFacts {
  instanceId?: string;
  processId?: string;
  subject?: string;
  details?: Record<string, unknown>;
}

/** Who did what, when: every operator action the API carries out is written here. */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(user: string, action: AuditAction, facts: AuditFacts = {}): Promise<void> {
    await this.dataSource.getRepository(AuditEntryEntity).insert({
      at: new Date().toISOString(),
      user,
      action,
      instanceId: facts.instanceId ?? null,
      processId: facts.processId ?? null,
      subject: facts.subject?.slice(0, 600) ?? null,
      details: facts.details ? JSON.stringify(facts.details) : null,
    });
  }

  /** Newest first; keyset paging on the entry id. */
  async list(q: ListAuditRequest): Promise<Page<AuditEntryView>> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (q.instanceId) qb.andWhere('a.instanceId = :instanceId', { instanceId: q.instanceId });
    if (q.user) qb.andWhere('a.user = :user', { user: q.user });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.at >= :from', { from: new Date(q.from).toISOString() });
    if (q.to) qb.andWhere('a.at <= :to', { to: new Date(q.to).toISOString() });
    if (q.cursor) {
      const text = openToken(q.cursor, 'AUDIT.BAD_CURSOR').toString('utf8');
      const before = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(before)) throw badCursor('AUDIT.BAD_CURSOR');
      qb.andWhere('a.id < :before', { before });
    }
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .take(q.limit + 1)
      .getMany();
    const items = rows.slice(0, q.limit).map(auditView);
    return rows.length > q.limit
      ? { items, nextCursor: sealToken(Buffer.from(String(items[items.length - 1].id))) }
      : { items };
  }
}

function auditView(row: AuditEntryEntity): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    user: row.user,
    action: row.action as AuditAction,
    ...(row.instanceId ? { instanceId: row.instanceId } : {}),
    ...(row.processId ? { processId: row.processId } : {}),
    ...(row.subject ? { subject: row.subject } : {}),
    ...(row.details ? { details: JSON.parse(row.details) as Record<string, unknown> } : {}),
  };
}
