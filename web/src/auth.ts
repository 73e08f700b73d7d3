/**
 * The session's bearer token (sessionStorage: gone when the tab closes) and what the UI
 * reads from it. The server verifies the token; the UI only decodes it to know the user
 * and the groups whose task lists to show.
 */
const KEY = 'bpmn-temporal.token';

export interface Session {
  token: string;
  user: string;
  groups: string[];
  expiresAt?: number;
}

export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = decodeClaims(token);
  if (!claims) return null;
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  if (expiresAt && expiresAt < Date.now()) {
    clearSession();
    return null;
  }
  const groups = Array.isArray(claims.groups)
    ? claims.groups.filter((g): g is string => typeof g === 'string')
    : [];
  return { token, user: String(claims.sub ?? ''), groups, expiresAt };
}

export function hasGroup(session: Session | null, ...groups: string[]): boolean {
  return !!session && session.groups.some((g) => groups.includes(g));
}

function decodeClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}
