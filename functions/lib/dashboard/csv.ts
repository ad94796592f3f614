import type { DashboardReport } from './report.ts';

/**
 * The dashboard as CSV for spreadsheets: one row per hour of the range (the series the charts
 * are drawn from), numbers only. Comma-separated with a header row; times as ISO (UTC) plus the
 * town's local day, so a spreadsheet can group by either.
 */
export const csvColumns = [
  'hour_start_utc',
  'town_day',
  'answered',
  'suggested',
  'not_answered',
  'unanswered_recorded',
  'tickets_created',
  'tickets_answered',
] as const;

const dayOf = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

export function dashboardCsv(report: DashboardReport): string {
  const lines = [csvColumns.join(',')];
  for (const row of report.hours) {
    lines.push(
      [
        row.hour,
        dayOf(row.hour, report.timeZone),
        row.answer,
        row.suggest,
        row.none,
        row.unanswered,
        row.ticketsCreated,
        row.ticketsAnswered,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `lagebild-7d-2026-05-04.csv`: the range and the day it was made. */
export function csvFileName(report: DashboardReport): string {
  return `lagebild-${report.range}-${report.generatedAt.slice(0, 10)}.csv`;
}
