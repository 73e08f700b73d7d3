/**
 * A failure the API reports to its caller. Services throw these with a stable code
 * (`CONTRACT.ALREADY_EXISTS`); the exception filter maps them onto HTTP in one place.
 */
export type DomainErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unprocessable'
  /** A part the request needs (Temporal, a worker, the database) does not answer: 503. */
  | 'unavailable'
  /** The request was handed on but no answer came in the time allowed: 504. */
  | 'timeout';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (code: string, message: string, details?: unknown) =>
  new DomainError('not-found', code, message, details);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new DomainError('bad-request', code, message, details);
export const unavailable = (code: string, message: string, details?: unknown) =>
  new DomainError('unavailable', code, message, details);
export const timedOut = (code: string, message: string, details?: unknown) =>
  new DomainError('timeout', code, message, details);
export const forbidden = (code: string, message: string, details?: unknown) =>
  new DomainError('forbidden', code, message, details);
