import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per container. Privacy rule: never pass question text, e-mail
 * addresses, ticket secrets or tokens to it; log ids, counts and decisions only.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'incident-faq',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});
