/**
 * Real Temporal servers for tests: the time-skipping test server (Java, from Maven Central)
 * and the Temporal CLI dev server (Go, built from the module proxy), both provisioned by
 * scripts/provision-temporal.sh (`npm test` runs it first).
 */
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalCliPath, temporalTestServerPath } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/protocol';

/** The time-skipping server, with the engine's search attributes registered (it rejects upserts of unknown ones). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  const env = await retryOnSlowStart(() =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: path ? { type: 'existing-path', path } : { type: 'cached-download' } },
    }),
  );
  const searchAttributes = Object.fromEntries(
    Object.values(SEARCH_ATTRIBUTES).map((key) => [
      key.name,
      encodeSearchAttributeIndexedValueType(key.type)!,
    ]),
  );
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes,
  });
  return env;
}

export async function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  const path = temporalCliPath();
  return retryOnSlowStart(() =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: path ? { type: 'existing-path', path } : { type: 'cached-download' },
        searchAttributes: Object.values(SEARCH_ATTRIBUTES),
        extraArgs: ['--headless', '--log-level', 'error'],
      },
    }),
  );
}

/**
 * The SDK gives an ephemeral server a fixed 5 s to answer. On a loaded 2-core machine the
 * Java test server (or the dev server) can take longer; that is a slow start, not a failure
 * of the code under test, so start it again (each attempt uses a fresh port).
 */
async function retryOnSlowStart<T>(start: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      const slow = error instanceof Error && /did not start within/.test(error.message);
      if (!slow || attempt >= attempts) throw error;
    }
  }
}
