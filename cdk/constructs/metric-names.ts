/**
 * Names shared by the stack and the functions. This module has no dependencies, so a function
 * may import it without pulling aws-cdk-lib into its bundle.
 */

/** `POWERTOOLS_SERVICE_NAME` of every function (Powertools adds it as the `service` dimension). */
export const SERVICE_NAME = 'incident-faq';

/** CloudWatch namespace of the application's custom metrics (`POWERTOOLS_METRICS_NAMESPACE`). */
export const METRIC_NAMESPACE = 'IncidentFaq';

/**
 * Age in hours of the oldest open (forwarded, unanswered) ticket. Emit it with the namespace
 * above and the single dimension `service=incident-faq` (Powertools Metrics' default dimension),
 * e.g. from a scheduled or stream-triggered function; the stack alarms when it exceeds
 * `openTicketAlarmHours`.
 */
export const OLDEST_OPEN_TICKET_METRIC = 'OldestOpenTicketAgeHours';
