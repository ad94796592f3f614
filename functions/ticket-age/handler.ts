// Scheduled (EventBridge, every 15 minutes): emits the age of the oldest unanswered ticket as a
// custom metric (the stack alarms on it), closes answered tickets that nobody closed, and sends
// a DPO digest that is due.
// handler -> lib/escalations/ticket-age + notifications -> ticket store, adapters/mail
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { mailerFromEnv } from '../lib/adapters/mail.ts';
import { getOptionalStringFromEnv, getStringFromEnv } from '../lib/config/env.ts';
import { metricNames, metricNamespace, serviceName } from '../lib/definitions/metrics.ts';
import { flushDigest } from '../lib/escalations/notifications.ts';
import { publishedSettings } from '../lib/escalations/settings.ts';
import { autoCloseAnswered, oldestWaitingTicketAgeHours } from '../lib/escalations/ticket-age.ts';
import { logger } from '../lib/observability/logger.ts';

// Fail at cold start, not on the first run, when the table is not configured.
tableName('tickets');

/** Namespace `IncidentFaq`, default dimension `service=incident-faq` (what the alarm reads). */
const metrics = new Metrics({ namespace: metricNamespace, serviceName });

export interface TicketAgeResult {
  oldestOpenTicketAgeHours: number;
  autoClosed: number;
  digested: number;
}

/**
 * Writes one EMF line with `OldestOpenTicketAgeHours` (0 when no ticket waits), so the alarm
 * always has a data point. Logs only figures, never ticket content.
 */
export async function handler(_event?: unknown): Promise<TicketAgeResult> {
  const ageHours = await oldestWaitingTicketAgeHours();
  metrics.addMetric(metricNames.oldestOpenTicketAgeHours, MetricUnit.NoUnit, ageHours);
  metrics.publishStoredMetrics();
  const { escalation } = await publishedSettings();
  const mailFrom = getOptionalStringFromEnv('MAIL_FROM');
  const dpoMailbox = getOptionalStringFromEnv('DPO_MAILBOX');
  const autoClosed = await autoCloseAnswered(escalation);
  // New tickets that arrived after the last digest and before a quiet spell still get told.
  const digested = await flushDigest({
    mailer: mailerFromEnv(),
    inboxUrl: getStringFromEnv('INBOX_URL'),
    ...(mailFrom ? { from: mailFrom } : {}),
    ...(dpoMailbox ? { dpoMailbox } : {}),
  });
  logger.info('ticket schedule ran', { ageHours, autoClosed, digested });
  return { oldestOpenTicketAgeHours: ageHours, autoClosed, digested };
}
