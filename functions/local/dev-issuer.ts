import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { JwtClaims } from '../lib/http/handler.ts';
import { dataDirPrefix } from './data-dir.ts';
import { apiGatewayClaims } from './server.ts';

/**
 * The local stand-in for Cognito: an RS256 key pair kept under `$DATA_DIR`, tokens with a
 * fixed issuer and audience, and a verifier that checks them the way API Gateway's JWT
 * authorizer does (signature, algorithm, issuer, audience, expiry). Local only.
 */
export const devIssuer = 'https://dev-issuer.local/incident-faq';
export const devAudience = 'incident-faq-local';

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(dataDir: string | undefined): Promise<StoredKey> {
  const file = dataDir ? path.join(dataDir, 'dev-issuer.json') : undefined;
  if (file) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } catch {
      // first start: create below
    }
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const key: StoredKey = {
    kid: `dev-${Date.now().toString(36)}`,
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
  };
  if (file && dataDir) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(key), { mode: 0o600 });
  }
  return key;
}

export interface TokenRequest {
  sub: string;
  groups: string[];
  /** Lifetime in seconds (default one hour); negative values make an expired token for tests. */
  expiresInSeconds?: number;
  issuer?: string;
  audience?: string;
}

export interface DevIssuer {
  sign(request: TokenRequest): Promise<string>;
  verify(token: string): Promise<JwtClaims>;
}

/** Creates (or reopens, from `dataDir`) the development issuer. */
export async function createDevIssuer(dataDir?: string): Promise<DevIssuer> {
  const key = await loadOrCreateKey(dataDir);
  const privateKey = await importJWK(key.privateJwk, 'RS256');
  const publicKey = await importJWK(key.publicJwk, 'RS256');
  const reported = new Set<string>();
  return {
    async sign({ sub, groups, expiresInSeconds = 3600, issuer = devIssuer, audience = devAudience }) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ 'cognito:groups': groups, 'cognito:username': sub, token_use: 'id' })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + expiresInSeconds)
        .sign(privateKey);
    },
    async verify(token) {
      const kid = safeKid(token);
      if (kid?.startsWith('dev-') && kid !== key.kid && !reported.has(kid)) {
        // Not silent: the usual cause is a token made with another DATA_DIR than the server's.
        reported.add(kid);
        console.warn(
          `Rejected a staff token signed with another local key (${kid}): it was made for another data folder.` +
            (dataDir
              ? ` Make tokens with: ${dataDirPrefix(dataDir)}npm run --silent token -- --group …`
              : ''),
        );
      }
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: ['RS256'],
        issuer: devIssuer,
        audience: devAudience,
        requiredClaims: ['sub', 'exp'],
      });
      return apiGatewayClaims(payload as Record<string, unknown>);
    },
  };
}

function safeKid(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).kid;
  } catch {
    return undefined;
  }
}
