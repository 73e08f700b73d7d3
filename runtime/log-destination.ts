/**
 * Where a process's JSON log lines go: stdout, or LOG_FILE (the embedded `npm start` puts
 * them in DATA_DIR/logs so its console shows only the banner). One destination per file
 * per process, shared by the API's pino logger and the Temporal SDK's logger.
 */
import pino, { DestinationStream } from 'pino';

const opened = new Map<string, DestinationStream>();

export function logDestination(file: string | undefined): DestinationStream | undefined {
  if (!file) return undefined;
  let destination = opened.get(file);
  if (!destination) {
    destination = pino.destination({ dest: file, mkdir: true, sync: false });
    opened.set(file, destination);
  }
  return destination;
}

/** A pino logger for the process (not the HTTP one): the SDK's and the start script's lines. */
export function processLogger(level: string, file: string | undefined, name: string): pino.Logger {
  const destination = logDestination(file);
  const options = { level, name };
  return destination ? pino(options, destination) : pino(options);
}
