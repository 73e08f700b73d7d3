/**
 * In-process activities heartbeat while they run, so Temporal notices a worker that died
 * (SIGKILL, OOM, lost host) within the activity's heartbeat timeout and retries the step on
 * another worker — seconds instead of the whole start-to-close timeout. The activities
 * themselves stay free of heartbeat calls: they are short, idempotent database writes.
 */
import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';

/** Heartbeat this often relative to the heartbeat timeout (the SDK throttles to the server anyway). */
const BEATS_PER_TIMEOUT = 4;

export function heartbeatWhileRunning(ctx: Context): ActivityInterceptors {
  return {
    inbound: {
      async execute(input, next) {
        const timeoutMs = ctx.info.heartbeatTimeoutMs;
        if (!timeoutMs) return next(input);
        const beat = setInterval(() => ctx.heartbeat(), Math.max(200, timeoutMs / BEATS_PER_TIMEOUT));
        try {
          return await next(input);
        } finally {
          clearInterval(beat);
        }
      },
    },
  };
}
