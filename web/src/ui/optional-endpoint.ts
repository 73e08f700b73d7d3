/**
 * Loads an endpoint that may not exist yet. The OpenAPI document says whether the server
 * has it, so an absent endpoint is never called (no 404 noise); a 404 or 501 anyway still
 * means "not available", not an error.
 */
import { ApiError, messageOf } from '../api/client';

export type Optional<T> =
  { state: 'ok'; body: T } | { state: 'absent' } | { state: 'error'; message: string };

let documentedPaths: Promise<Set<string> | undefined> | undefined;

/** Paths of the API's OpenAPI document (`/api/...`), or undefined when it cannot be read. */
function apiPaths(): Promise<Set<string> | undefined> {
  documentedPaths ??= fetch('/api/docs/openapi.json')
    .then((res) => (res.ok ? res.json() : undefined))
    .then((doc: { paths?: Record<string, unknown> } | undefined) =>
      doc?.paths ? new Set(Object.keys(doc.paths)) : undefined,
    )
    .catch(() => undefined);
  return documentedPaths;
}

export async function optional<T>(path: string, load: () => Promise<T>): Promise<Optional<T>> {
  const paths = await apiPaths();
  if (paths && !paths.has(`/api${path}`)) return { state: 'absent' };
  try {
    return { state: 'ok', body: await load() };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 501))
      return { state: 'absent' };
    return { state: 'error', message: messageOf(error) };
  }
}
