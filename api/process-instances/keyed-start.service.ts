import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Principal } from '../auth/principal';
import { badRequest, conflict } from '../errors/domain-error';
import { keyProblem } from '../input/safe-key';
import { fingerprint, IdempotentRequests, Recorded } from '../instance-commands/idempotent-requests.service';
import { temporalRequestId } from '../instance-commands/instance-command';
import { StartedInstance, StartInstanceRequest, StartInstanceService } from './start-instance.service';

const SCOPE = 'process-instances.start';

export interface KeyedStart {
  started: StartedInstance;
  /** The key was used before by the same request: its first answer is given again. */
  repeated: boolean;
}

/**
 * `POST /api/process-instances` with an `Idempotency-Key`: the start goes to Temporal first,
 * with a request id derived from the caller, the key and the request, and its answer is kept
 * under the key afterwards. A retry after a lost answer gets that answer again; a retry after
 * the API died between Temporal's start and the record sends the same request id, which
 * Temporal answers with the run it already started. Keys belong to the calling user; the same
 * key with another request is a 409.
 */
@Injectable()
export class KeyedStartService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly starter: StartInstanceService,
    private readonly idempotent: IdempotentRequests,
  ) {}

  async start(request: StartInstanceRequest, principal: Principal, key: string): Promise<KeyedStart> {
    const problem = keyProblem(key);
    if (problem) throw badRequest('REQUEST.BAD_IDEMPOTENCY_KEY', `Idempotency-Key ${problem}`);
    const recordKey = JSON.stringify([principal.user, key]);
    const asked = keyedStartRequest(request);
    const seen = await this.recall(recordKey, asked, key);
    if (seen) return { started: seen, repeated: true };
    const started = await this.starter.start(request, principal, startRequestId(principal.user, key, asked));
    try {
      await this.idempotent.remember(this.dataSource.manager, SCOPE, recordKey, asked, started);
    } catch (error) {
      // The same request raced this one under the key: Temporal gave both the one run.
      if (!(error instanceof QueryFailedError)) throw error;
      const raced = await this.recall(recordKey, asked, key);
      if (raced) return { started: raced, repeated: true };
      throw error;
    }
    return { started, repeated: false };
  }

  /** The kept answer for the same request; a 409 for another request under the key. */
  private async recall(recordKey: string, asked: object, key: string): Promise<StartedInstance | undefined> {
    const seen: Recorded<StartedInstance> = await this.idempotent.recall(
      this.dataSource.manager,
      SCOPE,
      recordKey,
      asked,
    );
    if (seen.kind === 'different')
      throw conflict(
        'INSTANCE.IDEMPOTENCY_KEY_REUSED',
        `Idempotency-Key ${key} was used for another start request`,
        { idempotencyKey: key },
      );
    return seen.kind === 'same' ? seen.response : undefined;
  }
}

/** What identifies the request (the version as asked: a retry after a new deploy still means the first start). */
export function keyedStartRequest(request: StartInstanceRequest) {
  return {
    processId: request.processId,
    version: request.version,
    businessKey: request.businessKey,
    variables: request.variables ?? {},
  };
}

/** The Temporal request id of a keyed start: equal for the same caller, key and request only. */
export function startRequestId(user: string, key: string, asked: object): string {
  const id = createHash('sha256')
    .update(JSON.stringify([SCOPE, user, key, fingerprint(asked)]))
    .digest('hex');
  return temporalRequestId(id);
}
