/** Thrown at cold start when the deployment forgot a setting: fail fast, never limp on with `''`. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Reads a required environment variable once; throws a clear message when it is missing. */
export function getStringFromEnv(name: string, defaultValue?: string): string {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (defaultValue !== undefined) return defaultValue;
  throw new ConfigurationError(`Missing required environment variable ${name}`);
}

/** Reads a numeric environment variable; throws when it is set but not a number. */
export function getNumberFromEnv(name: string, defaultValue?: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    if (defaultValue !== undefined) return defaultValue;
    throw new ConfigurationError(`Missing required environment variable ${name}`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigurationError(`Environment variable ${name} is not a number`);
  return value;
}

/** Reads a comma-separated list from the environment (empty list when unset). */
export function getListFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
