import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire as requireFrom } from 'node:module';
import path from 'node:path';
import { getOptionalStringFromEnv, getStringFromEnv } from '../config/env.ts';

/**
 * The only place that reads the application's master key. Every keyed value (ticket secrets,
 * vote tokens, proof-of-work challenges, confirmation links) uses a key derived from it per
 * purpose, so one leaked derived value says nothing about the others, and nothing derived from
 * it is ever stored: a dump of the tables holds no usable secret.
 *
 * - AWS: `APP_SECRET_ARN` names a Secrets Manager secret (the stack creates it and grants read).
 * - Locally: `$DATA_DIR/app-secret.key` (created once, mode 0600), so restarts keep it.
 * - Tests without a data directory: a random key for the life of the process.
 */
export type KeyPurpose = 'ticket-secret' | 'vote' | 'challenge' | 'confirm' | `bucket:${string}`;

let master: Promise<Buffer> | undefined;

async function fromSecretsManager(arn: string): Promise<Buffer> {
  // Required, not imported: the CommonJS SDK loads faster that way (see dynamodb.ts).
  const { SecretsManagerClient, GetSecretValueCommand } = requireFrom(import.meta.url)(
    '@aws-sdk/client-secrets-manager',
  ) as typeof import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({ region: getStringFromEnv('AWS_REGION', 'eu-central-1') });
  const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!result.SecretString || result.SecretString.length < 32) throw new Error('master key missing or short');
  return Buffer.from(result.SecretString, 'utf8');
}

async function fromDataDir(dir: string): Promise<Buffer> {
  const file = path.join(dir, 'app-secret.key');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return Buffer.from(existing.trim(), 'utf8');
  await mkdir(dir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // `wx`: when two processes race, the first file wins and both read it back.
  await writeFile(file, key, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'utf8');
}

function masterKey(): Promise<Buffer> {
  master ??= (async () => {
    const arn = getOptionalStringFromEnv('APP_SECRET_ARN');
    if (arn) return fromSecretsManager(arn);
    const dir = getOptionalStringFromEnv('DATA_DIR');
    if (dir) return fromDataDir(dir);
    return randomBytes(32);
  })().catch((error: unknown) => {
    master = undefined; // a transient failure must not poison the container
    throw error;
  });
  return master;
}

/** The key for one purpose (HMAC of the purpose under the master key). */
export async function purposeKey(purpose: KeyPurpose): Promise<Buffer> {
  return createHmac('sha256', await masterKey())
    .update(`purpose:${purpose}`)
    .digest();
}

/** HMAC-SHA-256 of `parts` (joined unambiguously) under the purpose's key. */
export async function keyedHash(purpose: KeyPurpose, ...parts: string[]): Promise<Buffer> {
  const mac = createHmac('sha256', await purposeKey(purpose));
  for (const part of parts) mac.update(`${part.length}:${part}|`);
  return mac.digest();
}

/** Tests: forget the cached key (e.g. after pointing DATA_DIR elsewhere). */
export function resetKeyCache(): void {
  master = undefined;
}
