/**
 * Sign-in for the staff pages (DPO inbox, editor). `data-auth="token"` (local development):
 * paste a token. `data-auth="cognito"` with `data-cognito-domain` and `data-client-id` on <body>:
 * the Cognito Hosted UI with authorization code + PKCE. The ID token is kept in sessionStorage
 * only (gone when the tab closes), under a key of each page's own.
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

/** Reads the sign-in configuration from the page's <body> data attributes. */
export function authConfig(body: HTMLElement, tokenKey: string): AuthConfig {
  const domain = (body.dataset.cognitoDomain ?? '').replace(/\/+$/, '');
  const clientId = body.dataset.clientId ?? '';
  const cognito = body.dataset.auth === 'cognito' && /^https:\/\//.test(domain) && clientId !== '';
  return {
    mode: cognito ? 'cognito' : 'token',
    domain,
    clientId,
    redirectUri: `${location.origin}${location.pathname}`,
    tokenKey,
    pkceKey: `${tokenKey}.pkce`,
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
