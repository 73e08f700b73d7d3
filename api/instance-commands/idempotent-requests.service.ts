import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdempotentRequestEntity } from '../../persistence/entities/idempotent-request.entity';

/** JSON with sorted object keys, so that equal requests hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export const fingerprint = (request: unknown) =>
  createHash('sha256').update(canonical(request)).digest('hex');

export type Recorded<T> = { kind: 'same'; response: T } | { kind: 'different' } | { kind: 'new' };

/**
 * Answers to keyed write requests. Inside the write's transaction: `recall` tells whether the key
 * was used, by the same request (then its answer is returned again) or by a different one;
 * `remember` stores the answer with the write, so both commit together.
 */
@Injectable()
export class IdempotentRequests {
  async recall<T>(em: EntityManager, scope: string, key: string, request: unknown): Promise<Recorded<T>> {
    const row = await em.findOneBy(IdempotentRequestEntity, { scope, key });
    if (!row) return { kind: 'new' };
    return row.fingerprint === fingerprint(request)
      ? { kind: 'same', response: row.response as T }
      : { kind: 'different' };
  }

  async remember(
    em: EntityManager,
    scope: string,
    key: string,
    request: unknown,
    response: unknown,
  ): Promise<void> {
    await em.insert(IdempotentRequestEntity, {
      scope,
      key,
      fingerprint: fingerprint(request),
      response: response as object,
      createdAt: new Date().toISOString(),
    });
  }
}
