/**
 * Sign-in for the staff pages (DPO inbox, editor). `data-auth="token"` (local development):
 * paste a token. `data-auth="cognito"` with `data-cognito-domain` and `data-client-id` on <body>:
 * the Cognito Hosted UI with authorization code + PKCE. Without `data-auth` on <body> (the pages
 * as deployed) the same settings come from `/staff-config.json`, which the CDK deployment writes;
 * when that is missing or invalid the page falls back to token sign-in against its own origin.
 * The ID token is kept in sessionStorage only (gone when the tab closes), under a key of each
 * page's own.
 */
export interface AuthConfig {
  mode: 'token' | 'cognito';
  domain: string;
  clientId: string;
  redirectUri: string;
  /** sessionStorage key of the ID token. */
  tokenKey: string;
  /** sessionStorage key of the PKCE verifier while the Hosted UI is open. */
  pkceKey: string;
}

/** The validated settings of `/staff-config.json`. */
export interface StaffConfig {
  /** API base URL without trailing slash; '' for the page's own origin. */
  api: string;
  auth: 'token' | 'cognito';
  /** Hosted UI base URL (`https://<prefix>.auth.<region>.amazoncognito.com`); '' in token mode. */
  cognitoDomain: string;
  clientId: string;
}

/** What a staff page needs to start: where the API is and how to sign in. */
export interface LoadedStaffConfig {
  apiBase: string;
  auth: AuthConfig;
}

export const staffConfigPath = '/staff-config.json';

/** Token sign-in against the page's own origin: the fallback for a missing or invalid config. */
const tokenDefaults: StaffConfig = { api: '', auth: 'token', cognitoDomain: '', clientId: '' };

/** An https URL without credentials, query or fragment, as origin + path without trailing slash. */
function httpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Validates the JSON of `/staff-config.json`. Only https URLs are taken for `api` and
 * `cognitoDomain`; anything else is ignored (same-origin API, token sign-in). Cognito sign-in
 * needs a valid domain and app client id, else the page stays with token sign-in.
 */
export function parseStaffConfig(json: unknown): StaffConfig {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ...tokenDefaults };
  const raw = json as Record<string, unknown>;
  const api = httpsUrl(raw.api) ?? '';
  const cognitoDomain = httpsUrl(raw.cognitoDomain);
  const clientId =
    typeof raw.clientId === 'string' && /^[\w+]{1,128}$/.test(raw.clientId) ? raw.clientId : '';
  if (raw.auth === 'cognito' && cognitoDomain && clientId) {
    return { api, auth: 'cognito', cognitoDomain, clientId };
  }
  return { ...tokenDefaults, api };
}

function toAuthConfig(
  mode: AuthConfig['mode'],
  domain: string,
  clientId: string,
  tokenKey: string,
): AuthConfig {
  return {
    mode,
    domain,
    clientId,
    redirectUri: `${location.origin}${location.pathname}`,
    tokenKey,
    pkceKey: `${tokenKey}.pkce`,
  };
}

/** Reads the sign-in configuration from the page's <body> data attributes. */
export function authConfig(body: HTMLElement, tokenKey: string): AuthConfig {
  const domain = (body.dataset.cognitoDomain ?? '').replace(/\/+$/, '');
  const clientId = body.dataset.clientId ?? '';
  const cognito = body.dataset.auth === 'cognito' && /^https:\/\//.test(domain) && clientId !== '';
  return toAuthConfig(cognito ? 'cognito' : 'token', domain, clientId, tokenKey);
}

/**
 * The page's API base and sign-in: from the <body> data attributes when `data-auth` is set (a page
 * configured by hand), otherwise from `/staff-config.json` (same origin, never cached). A missing
 * (404, as on the local server) or invalid file means token sign-in against the page's own origin.
 */
export async function loadStaffConfig(body: HTMLElement, tokenKey: string): Promise<LoadedStaffConfig> {
  if (body.dataset.auth !== undefined) {
    return { apiBase: (body.dataset.api ?? '').replace(/\/+$/, ''), auth: authConfig(body, tokenKey) };
  }
  let json: unknown;
  try {
    const response = await fetch(staffConfigPath, { cache: 'no-store', credentials: 'same-origin' });
    json = response.ok ? await response.json() : undefined;
  } catch {
    json = undefined;
  }
  const config = parseStaffConfig(json);
  return {
    apiBase: config.api,
    auth: toAuthConfig(config.auth, config.cognitoDomain, config.clientId, tokenKey),
  };
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Sends the browser to the Cognito Hosted UI. */
export async function startCognitoSignIn(config: AuthConfig): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(config.pkceKey, JSON.stringify({ verifier, state }));
  const url = new URL(`${config.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  }).toString();
  location.assign(url.toString());
}

/** On return from the Hosted UI: exchanges the code for tokens and keeps the ID token. */
export async function finishCognitoSignIn(config: AuthConfig): Promise<void> {
  if (config.mode !== 'cognito') return;
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return;
  const saved = JSON.parse(sessionStorage.getItem(config.pkceKey) ?? '{}') as {
    verifier?: string;
    state?: string;
  };
  sessionStorage.removeItem(config.pkceKey);
  history.replaceState(null, '', config.redirectUri);
  if (!saved.verifier || saved.state !== params.get('state')) return;
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) return;
  const tokens = (await response.json()) as { id_token?: string };
  if (tokens.id_token) sessionStorage.setItem(config.tokenKey, tokens.id_token);
}
