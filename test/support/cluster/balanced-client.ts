/**
 * HTTP to several API processes like a load balancer: a request goes to the next API that is
 * up; a connection failure or a 5xx is logged with its time and retried (on another API when
 * there is one) until the deadline. Callers retry the same request, so the API's answers to
 * repeated writes are what the test checks.
 */
export interface ServerError {
  /** When this attempt was sent, and when it failed. */
  issuedAt: number;
  at: number;
  status: number | 'network';
  method: string;
  path: string;
  api: string;
  body: string;
}

export class BalancedClient {
  readonly errors: ServerError[] = [];
  private next = 0;

  constructor(private readonly apis: { baseUrl?: string; alive(): boolean; name: string }[]) {}

  async call(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; deadlineMs?: number } = {},
  ): Promise<{ status: number; body: any; attempts: number }> {
    const deadline = Date.now() + (opts.deadlineMs ?? 120_000);
    for (let attempts = 1; ; attempts++) {
      const api = this.pick();
      const issuedAt = Date.now();
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      try {
        const res = await fetch(`${api.baseUrl}${path}`, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (res.status < 500) return { status: res.status, body: parse(text), attempts };
        this.errors.push({
          issuedAt,
          at: Date.now(),
          status: res.status,
          method,
          path,
          api: api.name,
          body: text.slice(0, 300),
        });
      } catch (error) {
        // The process is down (connection refused or reset): the balancer tries another one.
        this.errors.push({
          issuedAt,
          at: Date.now(),
          status: 'network',
          method,
          path,
          api: api.name,
          body: String((error as Error).cause ?? error).slice(0, 200),
        });
      }
      if (Date.now() > deadline)
        throw new Error(`${method} ${path}: no answer below 500 before the deadline`);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
    }
  }

  private pick() {
    for (let i = 0; i < this.apis.length; i++) {
      const api = this.apis[(this.next + i) % this.apis.length];
      if (api.alive()) {
        this.next = (this.next + i + 1) % this.apis.length;
        return api;
      }
    }
    return this.apis[this.next++ % this.apis.length];
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
