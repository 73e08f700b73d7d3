/**
 * Where the Temporal servers live. scripts/provision-temporal.sh puts them in the cache
 * folder; environment variables override; with neither, the SDK downloads its own
 * (which works only on a machine with the internet).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';

export function temporalCacheDir(): string {
  return (
    process.env.TEMPORAL_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'bpmn-temporal')
  );
}

/** Path of the Temporal CLI (dev server), or undefined to let the SDK download it. */
export function temporalCliPath(): string | undefined {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) return fromEnv;
  const cached = join(temporalCacheDir(), `cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
  return existsSync(cached) ? cached : undefined;
}

/** Path of the time-skipping test server launcher, or undefined to let the SDK download it. */
export function temporalTestServerPath(): string | undefined {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (fromEnv) return fromEnv;
  const cached = join(
    temporalCacheDir(),
    `test-server-${TEMPORAL_TEST_SERVER_VERSION}`,
    'temporal-test-server',
  );
  return existsSync(cached) ? cached : undefined;
}
