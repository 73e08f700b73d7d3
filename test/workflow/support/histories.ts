/**
 * Recorded histories for the replay test: `RECORD_HISTORIES=1 npx jest --selectProjects workflow`
 * rewrites them from the conformance runs; a plain run only reads them. Only runs without
 * updates are recorded: the time-skipping server orders update events in a way the SDK's
 * replayer rejects ("Update machine does not handle this event"), unlike a real server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

export async function maybeRecordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await handle.fetchHistory();
  // protobufjs' toJSON (enum names, base64 bytes, string longs) is what historyFromJSON reads back.
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), JSON.stringify({ workflowId: handle.workflowId, history }));
}
