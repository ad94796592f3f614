/** The inbox's calls to the API, with the signed-in DPO's token, and how failures are shown. */
import { ApiError, createJsonClient } from '../shared/api-client.ts';
import { currentToken, readClaims } from '../shared/token.ts';
import { errorText, t } from './locale.ts';
import { announce, nav } from './page.ts';

export const tokenKey = 'inbox.token';

/** API base URL ('' for the page's own origin); set at start (see loadStaffConfig). */
let apiBase = '';
export const setApiBase = (base: string): void => {
  apiBase = base;
};

const request = createJsonClient({
  base: '',
  headers: (): Record<string, string> => {
    const token = currentToken(tokenKey);
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  if (!currentToken(tokenKey)) throw new ApiError(401, 'unauthorized');
  return request<T>(init.method ?? 'GET', `${apiBase}${path}`, init.body);
}

/** The signed-in person's `sub` (to tell "mine" from someone else's ticket). */
export function me(): string | undefined {
  const token = currentToken(tokenKey);
  return token ? readClaims(token).sub : undefined;
}

/** Shows an API failure; 401/403 end the session. Returns true when the view should reload. */
export function report(error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    announce(errorText('internal_error'), 'error');
    return false;
  }
  if (error.status === 401) {
    nav.signOut(t().sessionExpired);
    return false;
  }
  if (error.status === 403) {
    nav.signOut(t().forbidden);
    return false;
  }
  announce(errorText(error.code), 'error');
  return error.status === 409 || error.status === 404;
}
