/**
 * Where operator actions (modification, migration, batch operations) are recorded with the
 * operator's name. The system of record's audit trail (issue 8) plugs in here when it lands;
 * until then every action is written to the API's structured log.
 */
import { Injectable, Logger } from '@nestjs/common';

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

  async record(action: OperatorAction): Promise<void> {
    this.logger.log({ audit: { at: new Date().toISOString(), ...action } });
  }
}
