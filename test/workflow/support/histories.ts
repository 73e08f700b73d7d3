/**
 * Recorded histories for the replay test: `RECORD_HISTORIES=1 npx jest --selectProjects workflow e2e`
 * rewrites them from the conformance runs and from the engine API e2e test; a plain run only
 * reads them. Time-skipping runs are recorded only without updates: that server orders update
 * events in a way the SDK's replayer rejects ("Update machine does not handle this event"), so
 * histories with a completeTask Update come from the e2e test on the real dev server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

export async function maybeRecordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await handle.fetchHistory();
  // protobufjs' toJSON (enum names, base64 bytes, string longs) is what historyFromJSON reads back.
  writeFileSync(
    join(HISTORIES_DIR, `${name}.json`),
    JSON.stringify({ workflowId: handle.workflowId, history }),
  );
}
