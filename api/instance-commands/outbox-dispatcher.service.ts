import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InstanceCommandOutbox } from './instance-command-outbox.service';

/** How often each API process looks for commands that are due. */
export const DISPATCH_INTERVAL_MS = 1_000;
const BATCH = 50;
/** How long shutdown waits for the drain in progress. */
const SHUTDOWN_WAIT_MS = 8_000;

/**
 * Drains the instance-command outbox in every API process: commands recorded while Temporal was
 * down, or by a process that died before delivering them, reach their instance once Temporal
 * answers again. Several processes may drain at once; a lease per command keeps them apart.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer?: NodeJS.Timeout;
  private draining?: Promise<unknown>;
  private stopped = false;

  constructor(private readonly outbox: InstanceCommandOutbox) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.draining = this.drain()
        .catch((error) =>
          this.logger.warn(`outbox drain failed: ${error instanceof Error ? error.message : error}`),
        )
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, DISPATCH_INTERVAL_MS);
        });
    };
    this.timer = setTimeout(tick, DISPATCH_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // Bounded: a delivery whose connection was closed under it may never settle; what it was
    // delivering stays pending (its lease runs out) for the next process.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.draining,
      new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  /** Delivers every due command once; returns how many are still pending among them. */
  async drain(): Promise<number> {
    let pending = 0;
    for (const id of await this.outbox.due(BATCH)) if (!(await this.outbox.attempt(id))) pending += 1;
    return pending;
  }
}
