import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';

/**
 * Installs the Temporal worker runtime once per process with a quieter logger: at INFO the
 * SDK prints the whole webpack report of the workflow bundle on every start.
 */
export function installWorkerRuntime(level: string): void {
  const sdkLevel: LogLevel =
    level === 'debug' || level === 'trace'
      ? 'DEBUG'
      : level === 'error' || level === 'fatal'
        ? 'ERROR'
        : 'WARN';
  try {
    Runtime.install({ logger: new DefaultLogger(sdkLevel) });
  } catch {
    // Already installed in this process (tests create several workers).
  }
}
