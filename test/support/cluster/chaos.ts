/**
 * Kills one process at a time with SIGKILL, at random moments, and starts it again: every
 * victim at least once (in random order), then random ones, until stopped. Temporal's downtime
 * (kill → answering again, plus a grace for clients to reconnect) is recorded as an outage.
 */
export interface Victim {
  name: string;
  kill(): void;
  start(): Promise<void>;
}

export interface Kill {
  victim: string;
  at: number;
  back: number;
}

export class Chaos {
  readonly kills: Kill[] = [];
  readonly outages: { from: number; to: number }[] = [];
  private running = true;
  private loop?: Promise<void>;

  constructor(
    private readonly victims: Victim[],
    private readonly opts: {
      minGapMs: number;
      maxGapMs: number;
      downMs: number;
      outageGraceMs: number;
      isOutage: (v: Victim) => boolean;
    },
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Whether a server error at `at` falls inside an outage (or its grace). */
  duringOutage(at: number): boolean {
    return this.outages.some((o) => at >= o.from && at <= o.to + this.opts.outageGraceMs);
  }

  private async run(): Promise<void> {
    const order = [...this.victims].sort(() => Math.random() - 0.5);
    while (this.running) {
      await this.sleep(this.opts.minGapMs + Math.random() * (this.opts.maxGapMs - this.opts.minGapMs));
      if (!this.running) break;
      const victim = order.shift() ?? this.victims[Math.floor(Math.random() * this.victims.length)];
      const at = Date.now();
      victim.kill();
      await new Promise((r) => setTimeout(r, this.opts.downMs));
      await victim.start();
      const back = Date.now();
      this.kills.push({ victim: victim.name, at, back });
      if (this.opts.isOutage(victim)) this.outages.push({ from: at, to: back });
    }
  }

  private async sleep(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.running && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  }
}
