/** Loads an endpoint that may not exist yet: 404 (or 501) means "not available", not an error. */
import { ApiError } from '../api/client';

export type Optional<T> = { state: 'ok'; body: T } | { state: 'absent' } | { state: 'error'; message: string };

export async function optional<T>(load: () => Promise<T>): Promise<Optional<T>> {
  try {
    return { state: 'ok', body: await load() };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 501)) return { state: 'absent' };
    return { state: 'error', message: error instanceof ApiError ? error.plain : String(error) };
  }
}
