import { isExpired, queryPartition } from '../adapters/dynamodb.ts';
import { analyticsKeys, analyticsPartitions } from '../analytics/analytics-table.ts';
import { listByStatus, type QueueStatus } from '../escalations/ticket-store.ts';
import { loadPublished } from '../knowledge/store.ts';
import { answerTimeBoundsMinutes, hourOf } from './counters.ts';

/**
 * Reads the dashboard: the hourly counter items of a range (one Query), summed into hours, days
 * (in the town's time zone), totals and per-entry figures, plus the open tickets by age (read
 * only, through the ticket store's status index).
 */
export const dashboardRanges = ['24h', '7d', '30d'] as const;
export type DashboardRange = (typeof dashboardRanges)[number];

/** The town's time zone: days are the town's days, not UTC days. */
export const timeZone = 'Europe/Berlin';

export interface Counts {
  answer: number;
  suggest: number;
  none: number;
  /** Questions that went to the (anonymised) unanswered report. */
  unanswered: number;
  ticketsCreated: number;
  ticketsAnswered: number;
}

export interface HourRow extends Counts {
  /** Start of the hour, ISO (UTC). */
  hour: string;
}

export interface DayRow extends Counts {
  /** The town's calendar day, `yyyy-mm-dd`. */
  day: string;
}

export interface EntryRow {
  entryId: string;
  /** The entry's question in German and English; absent when the entry is no longer published. */
  question?: { de: string; en: string };
  answers: number;
  helpful: number;
  notHelpful: number;
}

export interface AnswerTimes {
  answered: number;
  /** Histogram: upper bound in minutes (`null`: longer than the last bound). */
  buckets: { upToMinutes: number | null; count: number }[];
  /** The bucket that holds the median (`null` upper bound: longer than a week); undefined with no answers. */
  median?: { upToMinutes: number | null };
}

export const ticketAgeBounds = [
  { key: 'under1h', upToHours: 1 },
  { key: 'under4h', upToHours: 4 },
  { key: 'under24h', upToHours: 24 },
  { key: 'under72h', upToHours: 72 },
  { key: 'older', upToHours: null },
] as const;
export type TicketAgeKey = (typeof ticketAgeBounds)[number]['key'];

export interface OpenTickets {
  total: number;
  byAge: { key: TicketAgeKey; count: number }[];
  oldestHours?: number;
}

export interface DashboardReport {
  range: DashboardRange;
  timeZone: string;
  from: string;
  to: string;
  generatedAt: string;
  totals: Counts & { asks: number; helpful: number; notHelpful: number };
  hours: HourRow[];
  days: DayRow[];
  entries: EntryRow[];
  answerTimes: AnswerTimes;
  openTickets: OpenTickets;
}

const zeroCounts = (): Counts => ({
  answer: 0,
  suggest: 0,
  none: 0,
  unanswered: 0,
  ticketsCreated: 0,
  ticketsAnswered: 0,
});

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The town's calendar day of a time, `yyyy-mm-dd`. */
export const townDay = (at: Date): string => dayFormat.format(at);

const hourMs = 3_600_000;

/**
 * The hours of a range, oldest first: the last 24 hours for `24h`; for `7d` and `30d` whole town
 * days, today included, so every day in the daily series is complete (today up to now).
 */
export function rangeHours(range: DashboardRange, now = new Date()): Date[] {
  const current = Date.parse(`${hourOf(now)}:00:00Z`);
  if (range === '24h')
    return Array.from({ length: 24 }, (_, index) => new Date(current - (23 - index) * hourMs));
  const days = range === '7d' ? 7 : 30;
  const firstDay = townDay(new Date(now.getTime() - (days - 1) * 24 * hourMs));
  const hours: Date[] = [];
  // Start early enough for any offset and daylight-saving change, then keep the range's days.
  for (let at = current - (days + 1) * 24 * hourMs; at <= current; at += hourMs) {
    const hour = new Date(at);
    if (townDay(hour) >= firstDay) hours.push(hour);
  }
  return hours;
}

/** The counter items between two hours (inclusive), without expired ones. */
async function readHourItems(first: Date, last: Date, now: Date): Promise<Record<string, unknown>[]> {
  const items = await queryPartition('analytics', analyticsPartitions.dashboard, {
    sortKeyBetween: [
      analyticsKeys.dashboardHour(hourOf(first)).sk,
      analyticsKeys.dashboardHour(hourOf(last)).sk,
    ],
  });
  return items.filter((item) => !isExpired(item, now));
}

const number = (value: unknown) => (typeof value === 'number' ? value : 0);

/** The plain counts of an item (attribute names as written by counters.ts). */
function countsOf(item: Record<string, unknown>): Counts {
  return {
    answer: number(item['asks:answer']),
    suggest: number(item['asks:suggest']),
    none: number(item['asks:none']),
    unanswered: number(item.unanswered),
    ticketsCreated: number(item['tickets:created']),
    ticketsAnswered: number(item['tickets:answered']),
  };
}

const countKeys = Object.keys(zeroCounts()) as (keyof Counts)[];

function add(target: Counts, counts: Counts): void {
  for (const key of countKeys) target[key] += counts[key];
}

/** Open and claimed tickets by age (created → now), read page by page from the status index. */
export async function openTicketsByAge(now = new Date()): Promise<OpenTickets> {
  const ages: number[] = [];
  for (const status of ['open', 'claimed'] satisfies QueueStatus[]) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await listByStatus(status, 100, startKey);
      for (const ticket of page.items) ages.push((now.getTime() - Date.parse(ticket.createdAt)) / hourMs);
      startKey = page.lastKey;
    } while (startKey);
  }
  const byAge = ticketAgeBounds.map(({ key }) => ({ key, count: 0 }));
  for (const age of ages) {
    const index = ticketAgeBounds.findIndex(({ upToHours }) => upToHours === null || age < upToHours);
    const bucket = byAge[index];
    if (bucket) bucket.count++;
  }
  return {
    total: ages.length,
    byAge,
    ...(ages.length ? { oldestHours: Math.floor(Math.max(...ages)) } : {}),
  };
}

/** The histogram and the bucket holding the median (the lower median for an even count). */
export function answerTimesOf(histogram: ReadonlyMap<string, number>): AnswerTimes {
  const bounds: (number | null)[] = [...answerTimeBoundsMinutes, null];
  const buckets = bounds.map((upToMinutes) => ({
    upToMinutes,
    count: histogram.get(upToMinutes === null ? 'more' : String(upToMinutes)) ?? 0,
  }));
  const answered = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const middle = Math.ceil(answered / 2);
  let seen = 0;
  let median: (typeof buckets)[number] | undefined;
  for (const bucket of buckets) {
    seen += bucket.count;
    if (answered > 0 && seen >= middle) {
      median = bucket;
      break;
    }
  }
  return { answered, buckets, ...(median ? { median: { upToMinutes: median.upToMinutes } } : {}) };
}

/** The whole dashboard for a range. */
export async function dashboardReport(range: DashboardRange, now = new Date()): Promise<DashboardReport> {
  const hours = rangeHours(range, now);
  const first = hours[0] ?? now;
  const last = hours[hours.length - 1] ?? now;
  const [items, openTickets, published] = await Promise.all([
    readHourItems(first, last, now),
    openTicketsByAge(now),
    loadPublished(),
  ]);
  const bySortKey = new Map(items.map((item) => [String(item.sk), item]));
  const hourRows: HourRow[] = [];
  const dayRows = new Map<string, DayRow>();
  const entries = new Map<string, EntryRow>();
  const histogram = new Map<string, number>();
  const entry = (entryId: string) => {
    const row = entries.get(entryId) ?? { entryId, answers: 0, helpful: 0, notHelpful: 0 };
    entries.set(entryId, row);
    return row;
  };
  for (const hour of hours) {
    const item = bySortKey.get(analyticsKeys.dashboardHour(hourOf(hour)).sk) ?? {};
    const counts = countsOf(item);
    hourRows.push({ hour: hour.toISOString(), ...counts });
    const day = townDay(hour);
    const dayRow = dayRows.get(day) ?? { day, ...zeroCounts() };
    add(dayRow, counts);
    dayRows.set(day, dayRow);
    for (const [name, value] of Object.entries(item)) {
      const [kind, key] = name.split(':', 2) as [string, string | undefined];
      if (!key || typeof value !== 'number') continue;
      if (kind === 'entry') entry(key).answers += value;
      else if (kind === 'helpful') entry(key).helpful += value;
      else if (kind === 'notHelpful') entry(key).notHelpful += value;
      else if (kind === 'tta') histogram.set(key, (histogram.get(key) ?? 0) + value);
    }
  }
  const totals = { ...zeroCounts(), asks: 0, helpful: 0, notHelpful: 0 };
  for (const row of hourRows) add(totals, row);
  totals.asks = totals.answer + totals.suggest + totals.none;
  const questions = new Map(published?.entries.map((e) => [e.id, { de: e.de.question, en: e.en.question }]));
  const entryRows = [...entries.values()]
    .map((row) => {
      totals.helpful += row.helpful;
      totals.notHelpful += row.notHelpful;
      const question = questions.get(row.entryId);
      return question ? { ...row, question } : row;
    })
    .sort((a, b) => b.answers - a.answers || b.helpful + b.notHelpful - (a.helpful + a.notHelpful));
  return {
    range,
    timeZone,
    from: first.toISOString(),
    to: new Date(last.getTime() + hourMs).toISOString(),
    generatedAt: now.toISOString(),
    totals,
    hours: hourRows,
    days: [...dayRows.values()],
    entries: entryRows,
    answerTimes: answerTimesOf(histogram),
    openTickets,
  };
}
