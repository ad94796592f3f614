/**
 * Renders a dashboard report: key figures, questions over time, most asked answers with their
 * rating, unanswered questions over time, forwarded requests. Numbers only; all text through
 * text nodes.
 */
import type { DashboardReport } from '../../functions/lib/dashboard/report.ts';
import { h } from '../shared/dom.ts';
import type { StaffLocale } from '../shared/error-texts.ts';
import { type Bar, chartFigure, type Series } from './charts.ts';
import type { DashboardStrings } from './strings.ts';

export type { DashboardReport };

const lastBound = 10_080;

/** "höchstens 15 Min.", "höchstens 2 Stunden", "mehr als 7 Tage". */
export function medianText(report: DashboardReport, t: DashboardStrings): string {
  const median = report.answerTimes.median;
  if (!median) return t.medianNone;
  const duration = (minutes: number) =>
    minutes < 60 ? t.minutes(minutes) : minutes < 1440 ? t.hours(minutes / 60) : t.days(minutes / 1440);
  return median.upToMinutes === null
    ? t.medianLonger(duration(lastBound))
    : t.medianAtMost(duration(median.upToMinutes));
}

function formatters(locale: StaffLocale, timeZone: string) {
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  return {
    hour: new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', hourCycle: 'h23' }),
    hourLong: new Intl.DateTimeFormat(tag, {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
    day: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: '2-digit', month: '2-digit' }),
    dayLong: new Intl.DateTimeFormat(tag, {
      timeZone: 'UTC',
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }),
    dateTime: new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
    number: new Intl.NumberFormat(tag),
  };
}

function section(id: string, title: string, intro: string, ...children: (Node | false)[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, title),
    h('p', { class: 'hint' }, intro),
    ...children,
  );
}

/** The whole report as DOM, for a container of `width` pixels. */
export function renderReport(
  report: DashboardReport,
  t: DashboardStrings,
  locale: StaffLocale,
  width: number,
): HTMLElement {
  const f = formatters(locale, report.timeZone);
  const perHour = report.range === '24h';
  const bars: Bar[] = perHour
    ? report.hours.map(({ hour, ...values }) => ({
        label: f.hour.format(new Date(hour)),
        tableLabel: f.hourLong.format(new Date(hour)),
        values,
      }))
    : report.days.map(({ day, ...values }) => {
        const noon = new Date(`${day}T12:00:00Z`);
        return { label: f.day.format(noon), tableLabel: f.dayLong.format(noon), values };
      });
  const outcome: Series[] = [
    { key: 'answer', label: t.series.answer, className: 's-answer' },
    { key: 'suggest', label: t.series.suggest, className: 's-suggest' },
    { key: 'none', label: t.series.none, className: 's-none' },
  ];
  const totals = report.totals;
  const figure = (id: string, value: string, label: string, extra = '', kind = 'value') =>
    h(
      'div',
      { class: 'figure' },
      h('dt', {}, label),
      h(
        'dd',
        { id: `figure-${id}` },
        h('span', { class: kind }, value),
        extra && h('span', { class: 'share' }, extra),
      ),
    );
  const n = (value: number) => f.number.format(value);
  const firstColumn = perHour ? t.columnHour : t.columnDay;
  const questionsTitle = t.questionsTitle[perHour ? 'hour' : 'day'];

  const entries = report.entries.length
    ? h(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t.entriesTitle },
        h(
          'table',
          { id: 'entries-table', class: 'numbers entries' },
          h('caption', { class: 'visually-hidden' }, t.entriesTitle),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t.columns.entry),
              h('th', { scope: 'col' }, t.columns.answers),
              h('th', { scope: 'col' }, t.columns.helpful),
              h('th', { scope: 'col' }, t.columns.notHelpful),
            ),
          ),
          h(
            'tbody',
            {},
            ...report.entries.map((entry) =>
              h(
                'tr',
                { 'data-entry': entry.entryId },
                h('th', { scope: 'row' }, entry.question?.[locale] ?? t.notPublished(entry.entryId)),
                h('td', { 'data-column': 'answers' }, n(entry.answers)),
                h('td', { 'data-column': 'helpful' }, n(entry.helpful)),
                h('td', { 'data-column': 'notHelpful' }, n(entry.notHelpful)),
              ),
            ),
          ),
        ),
      )
    : h('p', {}, t.entriesEmpty);

  return h(
    'div',
    { class: 'report' },
    h(
      'p',
      { class: 'period' },
      t.period(f.dateTime.format(new Date(report.from)), f.dateTime.format(new Date(report.generatedAt))),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'figures-title' },
      h('h2', { id: 'figures-title' }, t.figuresTitle),
      h(
        'dl',
        { class: 'figures' },
        figure('asks', n(totals.asks), t.figures.asks),
        figure('answer', n(totals.answer), t.figures.answer, t.share(totals.answer, totals.asks)),
        figure('suggest', n(totals.suggest), t.figures.suggest, t.share(totals.suggest, totals.asks)),
        figure('none', n(totals.none), t.figures.none, t.share(totals.none, totals.asks)),
        figure('open-tickets', n(report.openTickets.total), t.figures.openTickets),
        figure('median', medianText(report, t), t.figures.medianAnswer, '', 'value value-text'),
      ),
    ),
    section(
      'questions-title',
      questionsTitle,
      t.questionsIntro,
      chartFigure({
        id: 'questions',
        title: questionsTitle,
        summary: t.chartSummary(questionsTitle),
        tableTitle: t.showTable,
        firstColumn,
        totalLabel: t.total,
        bars,
        series: outcome,
        width,
      }),
    ),
    section('entries-title', t.entriesTitle, t.entriesIntro, entries),
    section(
      'unanswered-title',
      t.unansweredTitle,
      t.unansweredIntro,
      chartFigure({
        id: 'unanswered',
        title: t.unansweredTitle,
        summary: t.chartSummary(t.unansweredTitle),
        tableTitle: t.showTable,
        firstColumn,
        totalLabel: t.total,
        bars,
        series: [{ key: 'unanswered', label: t.unansweredSeries, className: 's-unanswered' }],
        width,
      }),
    ),
    section(
      'tickets-title',
      t.ticketsTitle,
      t.ticketsIntro,
      h(
        'dl',
        { class: 'figures' },
        figure('tickets-created', n(totals.ticketsCreated), t.ticketsCreated),
        figure('tickets-answered', n(totals.ticketsAnswered), t.ticketsAnswered),
        figure('tickets-median', medianText(report, t), t.figures.medianAnswer, '', 'value value-text'),
      ),
      chartFigure({
        id: 'ages',
        title: t.openByAgeTitle,
        showTitle: true,
        summary: t.chartSummary(t.openByAgeTitle),
        tableTitle: t.showTable,
        firstColumn: t.ageColumn,
        totalLabel: t.total,
        bars: report.openTickets.byAge.map((bucket) => ({
          label: t.agesShort[bucket.key],
          tableLabel: t.ages[bucket.key],
          values: { count: bucket.count },
        })),
        series: [{ key: 'count', label: t.countColumn, className: 's-open' }],
        width,
      }),
      report.openTickets.total === 0 && h('p', {}, t.noOpenTickets),
    ),
    h('p', { class: 'hint privacy' }, t.privacyNote),
  );
}
