/**
 * Replays the recorded conformance histories against the current workflow code: a change
 * to the interpreter that alters the commands an old history produced fails here, and must
 * go through patching (or be a deliberate re-recording with RECORD_HISTORIES=1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { DISCARD_HISTORY_SINKS } from '../../history/history-sink';
import { HISTORIES_DIR } from './support/histories';

jest.setTimeout(120_000);

/** protobufjs' fromObject reads its own toJSON output; the SDK's historyFromJSON trips over Jest's module registry ("type must be a Type"). */
function loadHistory(path: string): { workflowId: string; history: temporal.api.history.v1.History } {
  const recorded = JSON.parse(readFileSync(path, 'utf8'));
  return {
    workflowId: recorded.workflowId,
    history: temporal.api.history.v1.History.fromObject(recorded.history),
  };
}

it('replays every recorded history deterministically', async () => {
  const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThanOrEqual(3);
  const histories = files.map((f) => loadHistory(join(HISTORIES_DIR, f)));
  const results = Worker.runReplayHistories(
    {
      workflowsPath: require.resolve('../../workflows'),
      bundlerOptions: { ignoreModules: ['fs', 'fs/promises'] },
      sinks: DISCARD_HISTORY_SINKS,
    },
    histories,
  );
  const failures: string[] = [];
  for await (const result of results)
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  expect(failures).toEqual([]);
});
