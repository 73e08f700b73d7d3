/**
 * The worker's side of the exporter: the `history` sink queues each batch and a single
 * flusher writes the queue in order, one transaction per flush. A failed write keeps the
 * batches and tries again; a worker killed with batches still queued loses them, and the
 * execution's next replay or the reconciler (history/reconciler.ts) brings them back.
 */
import type { InjectedSinks } from '@temporalio/worker';
import type { HistorySinks } from '../workflows/export-sink';
import type { ExportBatch } from './export-records';
import type { HistoryWriter } from './history-writer';

export interface HistoryQueue {
  sinks: InjectedSinks<HistorySinks>;
  /** Resolves once everything queued so far is written. */
  drain(): Promise<void>;
  /** Batches waiting to be written. */
  readonly pending: number;
}

export interface HistoryQueueOptions {
  /** Collect batches this long before writing them in one transaction (0: write at once). */
  flushMs?: number;
  onError?: (error: unknown) => void;
}

export function createHistoryQueue(writer: HistoryWriter, options: HistoryQueueOptions = {}): HistoryQueue {
  const flushMs = options.flushMs ?? 0;
  const onError = options.onError ?? ((e: unknown) => console.error('history export failed, retrying', e));
  let queue: ExportBatch[] = [];
  let flushing: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    if (flushMs > 0) await new Promise((resolve) => setTimeout(resolve, flushMs));
    while (queue.length > 0) {
      if (writer.closed) {
        queue = [];
        return;
      }
      const batch = queue;
      queue = [];
      try {
        await writer.write(batch);
      } catch (error) {
        queue = [...batch, ...queue];
        onError(error);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  const kick = () => {
    if (!flushing)
      flushing = flush().finally(() => {
        flushing = undefined;
        if (queue.length > 0) kick();
      });
    return flushing;
  };
  return {
    sinks: {
      history: {
        export: {
          fn: (_info, batch) => {
            queue.push(batch);
            void kick();
          },
          // A replay re-emits the batches it passes: that is how a crashed worker's losses come back.
          callDuringReplay: true,
        },
      },
    },
    async drain() {
      while (queue.length > 0 || flushing) await (flushing ?? kick());
    },
    get pending() {
      return queue.length;
    },
  };
}

/** For workers that run the interpreter without a store (conformance tests, replay checks, benchmarks). */
export const DISCARD_HISTORY_SINKS: InjectedSinks<HistorySinks> = {
  history: { export: { fn: () => undefined } },
};
