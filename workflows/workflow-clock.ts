/**
 * The workflow's notion of now. Inside the Temporal workflow sandbox `Date` is replaced by
 * the workflow task's start time, so this is deterministic on replay (it is not the host clock).
 */
export function workflowNow(): number {
  return new Date().getTime();
}
