/**
 * Real Temporal servers for tests: the time-skipping test server (Java, from Maven Central)
 * and the Temporal CLI dev server (Go, built from the module proxy), both provisioned by
 * scripts/provision-temporal.sh (`npm test` runs it first).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalCliPath, temporalTestServerPath } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/protocol';

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: path ? { type: 'existing-path', path } : { type: 'cached-download' } },
  });
}

export async function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  const path = temporalCliPath();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: path ? { type: 'existing-path', path } : { type: 'cached-download' },
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
      extraArgs: ['--headless', '--log-level', 'error'],
    },
  });
}
