/**
 * The staff pages' ID token: kept in sessionStorage only (gone with the tab), under a key of each
 * page's own. The claims are read for display and expiry only; the API verifies the signature.
 */
export interface Claims {
  sub?: string;
  exp?: number;
  'cognito:username'?: string;
  'cognito:groups'?: string[];
  name?: string;
}

/** Decodes a JWT's payload without verifying it; `{}` when it is not a JWT. */
export function readClaims(token: string): Claims {
  try {
    const payload = token.split('.')[1] ?? '';
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return {};
  }
}

/** The stored token, or undefined when none is stored or it has expired (then it is removed). */
export function currentToken(key: string, now = Date.now()): string | undefined {
  const token = sessionStorage.getItem(key) ?? undefined;
  if (!token) return undefined;
  const { exp } = readClaims(token);
  if (exp && exp * 1000 < now) {
    sessionStorage.removeItem(key);
    return undefined;
  }
  return token;
}

export function storeToken(key: string, token: string): void {
  sessionStorage.setItem(key, token);
}

export function clearToken(key: string): void {
  sessionStorage.removeItem(key);
}
