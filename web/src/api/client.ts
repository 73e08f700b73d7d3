/**
 * fetch for the API: JSON in and out, the session's bearer token, and one error type that
 * carries the server's error shape `{ statusCode, error, message, details?, errors? }`.
 */
import { clearSession, currentSession } from '../auth';

export interface ModelProblem {
  elementId: string | null;
  rule: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: { error?: string; code?: string; details?: unknown; errors?: ModelProblem[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** "403 Forbidden: li.lei is not a candidate for task …" */
  get plain(): string {
    return `${this.status}${this.body.error ? ` ${this.body.error}` : ''}: ${this.message}`;
  }
}

/**
 * The one way the UI words a failure: the server's status and message for an API error,
 * the message of any other error.
 */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.plain;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Called on 401 so the app can send the user to /login. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** An array repeats the parameter (`variables=a=1&variables=b=2`). */
  query?: Record<string, string | number | boolean | string[] | undefined>;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (the login page itself). */
  anonymous?: boolean;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = currentSession();
  if (session && !opts.anonymous) headers.authorization = `Bearer ${session.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(`/api${path}${queryString(opts.query)}`, {
    method,
    headers,
    body,
    signal: opts.signal,
  });
  const text = await res.text();
  const parsed = parseJson(text);
  if (!res.ok) {
    if (res.status === 401 && !opts.anonymous) {
      clearSession();
      onUnauthorized();
    }
    const shape = (parsed && typeof parsed === 'object' ? parsed : {}) as {
      message?: unknown;
      error?: string;
    };
    const message = typeof shape.message === 'string' ? shape.message : text || res.statusText;
    throw new ApiError(res.status, message, shape as ApiError['body']);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/**
 * A file from the API (PDF, CSV, an uploaded document) with the bearer token, saved by the
 * browser under the server's file name.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const session = currentSession();
  const res = await fetch(`/api${path}`, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  if (!res.ok) {
    const text = await res.text();
    const shape = (parseJson(text) ?? {}) as { message?: unknown };
    throw new ApiError(
      res.status,
      typeof shape.message === 'string' ? shape.message : res.statusText,
      shape as ApiError['body'],
    );
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A multipart upload (a received document's file with its fields). */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const session = currentSession();
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    headers: { accept: 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    body: form,
  });
  const text = await res.text();
  const parsed = parseJson(text);
  if (!res.ok) {
    const shape = (parsed && typeof parsed === 'object' ? parsed : {}) as { message?: unknown };
    throw new ApiError(
      res.status,
      typeof shape.message === 'string' ? shape.message : text || res.statusText,
      shape as ApiError['body'],
    );
  }
  return parsed as T;
}

/** Path segment for ids that contain "/" (instance ids are `<processId>/<businessKey>`). */
export function seg(id: string): string {
  return encodeURIComponent(id);
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
