import { Injectable } from '@nestjs/common';
import { HistoryReads, type InstanceKey, type InstanceSearch } from '../../history/store-reads';
import { badRequest } from '../errors/domain-error';
import { BATCH_ITEMS_LIMIT, type BatchFilterDto } from './batch-operation.request.dto';

/** Store rows read per query while a filter is resolved. */
const PAGE = 1000;

/**
 * Which instances a batch filter selects: answered by the system of record's instance search
 * (history/store-reads.ts, the same search as GET /api/process-instances), never by Temporal
 * visibility or a query per candidate. Values are bound parameters compared for equality, so a
 * business key or variable holding `%`, `_`, `\` or quotes matches only itself.
 */
@Injectable()
export class BatchSelection {
  constructor(private readonly reads: HistoryReads) {}

  async select(filter: BatchFilterDto, bounds = { page: PAGE, limit: BATCH_ITEMS_LIMIT }): Promise<string[]> {
    const search = storeSearch(filter);
    const ids = new Set<string>();
    let after: InstanceKey | undefined;
    do {
      const page = await this.reads.list({ ...search, limit: bounds.page, after });
      for (const item of page.items) ids.add(item.instanceId);
      if (ids.size > bounds.limit)
        throw badRequest('BATCH.TOO_MANY', `the filter selects more than ${bounds.limit} instances`);
      after = page.after;
    } while (after);
    return [...ids];
  }
}

/** The batch filter as the store's instance search takes it (running instances unless a state is named). */
export function storeSearch(filter: BatchFilterDto): Omit<InstanceSearch, 'limit' | 'after'> {
  return {
    state: filter.state ?? 'ACTIVE',
    ...(filter.processId ? { processId: filter.processId } : {}),
    ...(filter.version !== undefined ? { version: filter.version } : {}),
    ...(filter.businessKey ? { businessKey: filter.businessKey } : {}),
    ...(filter.activeElementId ? { activeElement: filter.activeElementId } : {}),
    ...(filter.variables
      ? {
          variables: Object.entries(filter.variables).map(([name, value]) => ({
            name,
            // The search's text form of a value (history/value-text.ts): a string as is, else JSON.
            value: typeof value === 'string' ? value : JSON.stringify(value ?? null),
          })),
        }
      : {}),
  };
}
