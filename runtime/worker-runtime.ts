import { DefaultLogger, LogEntry, LogLevel, Runtime } from '@temporalio/worker';
import { processLogger } from './log-destination';

/**
 * Installs the Temporal worker runtime once per process with a quieter logger: at INFO the
 * SDK prints the whole webpack report of the workflow bundle on every start. With a log file
 * the SDK's lines go there as JSON, like the API's.
 */
export function installWorkerRuntime(level: string, logFile?: string): void {
  const sdkLevel: LogLevel =
    level === 'debug' || level === 'trace'
      ? 'DEBUG'
      : level === 'error' || level === 'fatal'
        ? 'ERROR'
        : 'WARN';
  const logger = logFile ? toFile(sdkLevel, logFile) : new DefaultLogger(sdkLevel);
  try {
    Runtime.install({ logger });
  } catch {
    // Already installed in this process (tests create several workers).
  }
}

function toFile(level: LogLevel, file: string): DefaultLogger {
  const pinoLogger = processLogger(level.toLowerCase(), file, 'temporal-sdk');
  const method = (entry: LogEntry) =>
    entry.level === 'TRACE'
      ? 'trace'
      : entry.level === 'DEBUG'
        ? 'debug'
        : entry.level === 'INFO'
          ? 'info'
          : entry.level === 'WARN'
            ? 'warn'
            : 'error';
  return new DefaultLogger(level, (entry) => pinoLogger[method(entry)](entry.meta ?? {}, entry.message));
}
