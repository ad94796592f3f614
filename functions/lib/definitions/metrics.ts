/**
 * Metric names, defined once: the functions emit them, the CDK stack alarms on them. No
 * dependencies, so a function imports it without pulling aws-cdk-lib into its bundle.
 */

/** `POWERTOOLS_SERVICE_NAME` of every function (Powertools adds it as the `service` dimension). */
export const serviceName = 'incident-faq';

/** CloudWatch namespace of the application's custom metrics (`POWERTOOLS_METRICS_NAMESPACE`). */
export const metricNamespace = 'IncidentFaq';

/** Custom metrics, by what they measure. */
export const metricNames = {
  /**
   * Age in hours of the oldest open (forwarded, unanswered: open or claimed) ticket, 0 when
   * none waits. Emitted with the namespace above and the single dimension `service=incident-faq`
   * (Powertools Metrics' default dimension) by the scheduled `ticket-age` function
   * (functions/ticket-age/handler.ts, every 15 minutes); the stack alarms when it exceeds
   * `openTicketAlarmHours`.
   */
  oldestOpenTicketAgeHours: 'OldestOpenTicketAgeHours',
  /**
   * A situation-dashboard count that could not be written (functions/lib/dashboard/counters.ts).
   * The request it belonged to went on; the dashboard undercounts by this much. The function
   * only logs `dashboardCountFailedMessage`; a metric filter on every function's log group
   * counts those lines (cdk/constructs/app-function.ts), with the dimension `service`.
   */
  dashboardCountFailed: 'DashboardCountFailed',
  /**
   * One count per forwarded question above the town-wide daily figure
   * (`escalation.globalDailyCap`), emitted by the escalations function. The figure is an alarm,
   * not a lock: the stack alarms on any data point, citizens can still forward (bucket caps and
   * the proof of work hold the flood).
   */
  forwardingAboveDailyFigure: 'ForwardingAboveDailyFigure',
} as const;

/** The warning a lost dashboard count logs, which the stack's metric filter counts. */
export const dashboardCountFailedMessage = 'dashboard counter not updated';

export type MetricName = (typeof metricNames)[keyof typeof metricNames];
