/**
 * Kills one process at a time with SIGKILL, at random moments, and starts it again: every
 * victim at least once (in random order), then random ones, until stopped. Each kill opens an
 * outage window that lasts until the victim is healthy again (its own `healthy` check after it
 * was started: an API ready, a worker polling, Temporal answering every API).
 */
export interface Victim {
  name: string;
  kill(): void;
  start(): Promise<void>;
  /** Resolves once the victim serves again after start(); rejects when it does not in time. */
  healthy(): Promise<void>;
}

export interface Kill {
  victim: string;
  /** When it was killed. */
  at: number;
  /** When it was started again and answered. */
  back: number;
  /** When its health check passed: the end of its outage window. */
  healthyAt: number;
}

export class Chaos {
  readonly kills: Kill[] = [];
  private running = true;
  private loop?: Promise<void>;
  /** The kill whose victim is not healthy yet (the chaos kills one process at a time). */
  private current?: { victim: string; at: number };

  constructor(
    private readonly victims: Victim[],
    private readonly opts: { minGapMs: number; maxGapMs: number; downMs: number },
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** The outage windows: from each kill until its victim was healthy again. */
  get outages(): { victim: string; from: number; to: number }[] {
    const closed = this.kills.map((k) => ({ victim: k.victim, from: k.at, to: k.healthyAt }));
    return this.current ? [...closed, { ...this.current, from: this.current.at, to: Infinity }] : closed;
  }

  /** The outage a request sent at `issuedAt` and answered at `at` overlapped, if any. */
  outageOf(issuedAt: number, at: number): { victim: string; from: number; to: number } | undefined {
    return this.outages.find((o) => issuedAt <= o.to && at >= o.from);
  }

  private async run(): Promise<void> {
    const order = [...this.victims].sort(() => Math.random() - 0.5);
    while (this.running) {
      await this.sleep(this.opts.minGapMs + Math.random() * (this.opts.maxGapMs - this.opts.minGapMs));
      if (!this.running) break;
      const victim = order.shift() ?? this.victims[Math.floor(Math.random() * this.victims.length)];
      const at = Date.now();
      this.current = { victim: victim.name, at };
      victim.kill();
      await new Promise((r) => setTimeout(r, this.opts.downMs));
      await victim.start();
      const back = Date.now();
      await victim.healthy();
      this.kills.push({ victim: victim.name, at, back, healthyAt: Date.now() });
      this.current = undefined;
    }
  }

  private async sleep(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.running && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  }
}
