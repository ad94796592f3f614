/**
 * Names shared by the stack and the functions. This module has no dependencies, so a function
 * may import it without pulling aws-cdk-lib into its bundle.
 */

/** `POWERTOOLS_SERVICE_NAME` of every function (Powertools adds it as the `service` dimension). */
export const SERVICE_NAME = 'incident-faq';

/** CloudWatch namespace of the application's custom metrics (`POWERTOOLS_METRICS_NAMESPACE`). */
export const METRIC_NAMESPACE = 'IncidentFaq';

/**
 * Age in hours of the oldest open (forwarded, unanswered: open or claimed) ticket, 0 when none
 * waits. Emitted with the namespace above and the single dimension `service=incident-faq`
 * (Powertools Metrics' default dimension) by the scheduled `ticket-age` function
 * (functions/ticket-age/handler.ts, every 15 minutes); the stack alarms when it exceeds
 * `openTicketAlarmHours`.
 */
export const OLDEST_OPEN_TICKET_METRIC = 'OldestOpenTicketAgeHours';

/**
 * One count per forwarded question above the town-wide daily figure (`escalation.globalDailyCap`),
 * emitted by the escalations function. The figure is an alarm, not a lock: the stack alarms on
 * any data point, citizens can still forward (bucket caps and the proof of work hold the flood).
 */
export const FORWARDING_FLOOD_METRIC = 'ForwardingAboveDailyFigure';
