/**
 * Size limits that keep an instance inside Temporal's own limits. Temporal refuses a payload
 * (workflow input, signal, update, activity input, result) above its blob size limit — 2 MiB
 * by default — and terminates a workflow whose command carries one. So the API refuses
 * anything that could get there before it sends it, and the completeTask validator refuses
 * a step that would grow the instance's variables past what its jobs and continue-as-new can
 * still carry. Dependency-free: imported by the workflow and the API alike.
 */

/** Temporal's default `limit.blobSize.error`: one payload above this is refused (or terminates the workflow). */
export const TEMPORAL_PAYLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

/** The variables of one request (start, task completion, message) as JSON. */
export const REQUEST_VARIABLES_LIMIT_BYTES = 1024 * 1024;

/**
 * All variables of one instance as JSON: below the payload limit with room for the rest of the
 * engine state that continue-as-new carries, and for the job input that copies them.
 */
export const INSTANCE_VARIABLES_LIMIT_BYTES = 1536 * 1024;

/** A top-level instance's result carries its variables only up to this size (they stay readable by query). */
export const RESULT_VARIABLES_LIMIT_BYTES = 256 * 1024;

/** UTF-8 size of a value's JSON (what the default data converter sends). */
export function jsonSizeBytes(value: unknown): number {
  const text = JSON.stringify(value ?? null) ?? 'null';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
