import type { EnvironmentVariable } from '../definitions/environment.ts';

/**
 * The only reader of `process.env` in functions/: every name is one of definitions/environment.ts,
 * so a misspelt variable does not compile.
 */

/** Thrown at cold start when the deployment forgot a setting: fail fast, never limp on with `''`. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** An optional variable: undefined when unset or empty. */
export function getOptionalStringFromEnv(name: EnvironmentVariable): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Reads a required environment variable once; throws a clear message when it is missing. */
export function getStringFromEnv(name: EnvironmentVariable, defaultValue?: string): string {
  const value = getOptionalStringFromEnv(name);
  if (value !== undefined) return value;
  if (defaultValue !== undefined) return defaultValue;
  throw new ConfigurationError(`Missing required environment variable ${name}`);
}

/** Reads a numeric environment variable; throws when it is set but not a number. */
export function getNumberFromEnv(name: EnvironmentVariable, defaultValue?: number): number {
  const raw = getOptionalStringFromEnv(name);
  if (raw === undefined) {
    if (defaultValue !== undefined) return defaultValue;
    throw new ConfigurationError(`Missing required environment variable ${name}`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigurationError(`Environment variable ${name} is not a number`);
  return value;
}

/** Reads a comma-separated list from the environment (empty list when unset). */
export function getListFromEnv(name: EnvironmentVariable): string[] {
  return (getOptionalStringFromEnv(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Sets a variable. Only the local platform calls this: it plays the part of the Lambda service,
 * which hands each function its configuration through the environment.
 */
export function setEnv(name: EnvironmentVariable, value: string): void {
  process.env[name] = value;
}
