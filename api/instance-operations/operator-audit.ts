/**
 * Where operator actions (modification, migration, batch operations) are recorded with the
 * operator's name: the system of record's audit trail (GET /api/audit), and the API's
 * structured log as before.
 */
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.service';

export interface OperatorAction {
  user: string;
  action:
    | 'instance.modify'
    | 'instance.migrate'
    | 'batch.create'
    | 'batch.suspend'
    | 'batch.resume'
    | 'batch.cancel';
  instanceId?: string;
  processId?: string;
  /** What the action was about: a version, a batch id. */
  subject?: string;
  details?: unknown;
}

@Injectable()
export class OperatorAudit {
  private readonly logger = new Logger('OperatorAudit');

  constructor(private readonly trail: AuditTrail) {}

  async record(action: OperatorAction): Promise<void> {
    this.logger.log({ audit: { at: new Date().toISOString(), ...action } });
    const { user, action: name, instanceId, processId, subject, details } = action;
    await this.trail.record(user, name, {
      instanceId,
      processId,
      subject,
      details: details === undefined ? undefined : asRecord(details),
    });
  }
}

function asRecord(details: unknown): Record<string, unknown> {
  return typeof details === 'object' && details !== null && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : { value: details };
}
