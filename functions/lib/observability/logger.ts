import { Logger } from '@aws-lambda-powertools/logger';
import { getStringFromEnv } from '../config/env.ts';
import { serviceName } from '../definitions/metrics.ts';

/**
 * One structured JSON logger per container. Privacy rule: never pass question text, e-mail
 * addresses, ticket secrets or tokens to it; log ids, counts and decisions only.
 */
export const logger = new Logger({
  serviceName: getStringFromEnv('POWERTOOLS_SERVICE_NAME', serviceName),
  logLevel: getStringFromEnv('POWERTOOLS_LOG_LEVEL', 'INFO') as 'INFO',
});
