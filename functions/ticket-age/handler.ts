// Scheduled (EventBridge, every 15 minutes): emits the age of the oldest unanswered ticket as a
// custom metric (the stack alarms on it), closes answered tickets that nobody closed, and sends
// a DPO digest that is due.
// handler -> lib/escalations/ticket-age + notifications -> ticket store, adapters/mail
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  METRIC_NAMESPACE,
  OLDEST_OPEN_TICKET_METRIC,
  SERVICE_NAME,
} from '../../cdk/constructs/metric-names.ts';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { mailerFromEnv } from '../lib/adapters/mail.ts';
import { getStringFromEnv } from '../lib/config/env.ts';
import { flushDigest } from '../lib/escalations/notifications.ts';
import { publishedSettings } from '../lib/escalations/settings.ts';
import { autoCloseAnswered, oldestWaitingTicketAgeHours } from '../lib/escalations/ticket-age.ts';
import { logger } from '../lib/observability/logger.ts';

// Fail at cold start, not on the first run, when the table is not configured.
tableName('tickets');

/** Namespace `IncidentFaq`, default dimension `service=incident-faq` (what the alarm reads). */
const metrics = new Metrics({ namespace: METRIC_NAMESPACE, serviceName: SERVICE_NAME });

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
  metrics.addMetric(OLDEST_OPEN_TICKET_METRIC, MetricUnit.NoUnit, ageHours);
  metrics.publishStoredMetrics();
  const { escalation } = await publishedSettings();
  const autoClosed = await autoCloseAnswered(escalation);
  // New tickets that arrived after the last digest and before a quiet spell still get told.
  const digested = await flushDigest({
    mailer: mailerFromEnv(),
    inboxUrl: getStringFromEnv('INBOX_URL'),
    ...(process.env.MAIL_FROM ? { from: process.env.MAIL_FROM } : {}),
    ...(process.env.DPO_MAILBOX ? { dpoMailbox: process.env.DPO_MAILBOX } : {}),
  });
  logger.info('ticket schedule ran', { ageHours, autoClosed, digested });
  return { oldestOpenTicketAgeHours: ageHours, autoClosed, digested };
}
