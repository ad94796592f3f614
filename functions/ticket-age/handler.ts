// Scheduled (EventBridge, every 15 minutes): emits the age of the oldest unanswered ticket as a
// custom metric, which the stack alarms on.
// handler -> lib/escalations/ticket-age (ticket store, read only) -> adapters/dynamodb
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { metricNames, metricNamespace, serviceName } from '../lib/definitions/metrics.ts';
import { oldestWaitingTicketAgeHours } from '../lib/escalations/ticket-age.ts';
import { logger } from '../lib/observability/logger.ts';

// Fail at cold start, not on the first run, when the table is not configured.
tableName('tickets');

/** Namespace `IncidentFaq`, default dimension `service=incident-faq` (what the alarm reads). */
const metrics = new Metrics({ namespace: metricNamespace, serviceName });

export interface TicketAgeResult {
  oldestOpenTicketAgeHours: number;
}

/**
 * Writes one EMF line with `OldestOpenTicketAgeHours` (0 when no ticket waits), so the alarm
 * always has a data point. Logs only the figure, never ticket content.
 */
export async function handler(_event?: unknown): Promise<TicketAgeResult> {
  const ageHours = await oldestWaitingTicketAgeHours();
  metrics.addMetric(metricNames.oldestOpenTicketAgeHours, MetricUnit.NoUnit, ageHours);
  metrics.publishStoredMetrics();
  logger.info('oldest open ticket age emitted', { ageHours });
  return { oldestOpenTicketAgeHours: ageHours };
}
