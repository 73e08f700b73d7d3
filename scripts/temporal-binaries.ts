/**
 * Where the Temporal servers live. scripts/provision-temporal.sh puts them in the cache
 * folder; environment variables override; with neither, the SDK downloads its own
 * (which works only on a machine with the internet).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
/** The production server release (the one the CLI above embeds). */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';

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

/** The production Temporal server and its SQL schema tool, or undefined when not provisioned. */
export function temporalServerPaths(): { server: string; sqlTool: string } | undefined {
  const dir =
    process.env.TEMPORAL_SERVER_PATH ?? join(temporalCacheDir(), `server-${TEMPORAL_SERVER_VERSION}`);
  const paths = { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
  return existsSync(paths.server) && existsSync(paths.sqlTool) ? paths : undefined;
}

/** scripts/provision-temporal.sh, found from scripts/ under ts tooling and from dist/scripts/ when built. */
const PROVISION_SCRIPT = [
  join(__dirname, 'provision-temporal.sh'),
  join(__dirname, '..', '..', 'scripts', 'provision-temporal.sh'),
].find((file) => existsSync(file));

/**
 * The Temporal CLI, provisioned now when it is missing (`go install` from the Go module proxy,
 * a few minutes the first time; the script prints progress lines). Throws with the one thing
 * to do when it cannot be provisioned.
 */
export function ensureTemporalCli(): string {
  const present = temporalCliPath();
  if (present) return present;
  if (!PROVISION_SCRIPT)
    throw new Error('Temporal CLI not found and scripts/provision-temporal.sh is missing');
  const result = spawnSync('bash', [PROVISION_SCRIPT, 'cli'], { stdio: 'inherit' });
  const built = temporalCliPath();
  if (result.status !== 0 || !built)
    throw new Error(
      'Temporal CLI could not be provisioned (see the lines above): install Go >= 1.25 or set TEMPORAL_CLI_PATH',
    );
  return built;
}
