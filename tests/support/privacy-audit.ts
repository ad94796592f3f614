import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { type TableName, tables } from '../../functions/lib/definitions/tables.ts';
import { decodeHeader, type OutboxMail } from './mail.ts';

/**
 * The privacy audit, reusable: canaries (values that must not appear) are searched in named
 * sources (log lines, mails, metrics, table items). A finding names the source, the canary's
 * label and the index of the offending entry, never the value itself, so a report of a leak
 * does not leak again.
 */
export interface Canary {
  /** What kind of value it is, e.g. `question`, `email`, `secret`, `token`. */
  label: string;
  value: string;
}

export interface AuditSource {
  /** e.g. `logs`, `dpo-mail`, `metrics`, `analytics`. */
  name: string;
  entries: readonly string[];
  /** Canary labels allowed in this source (e.g. an answer mail may carry the ticket id). */
  allow?: readonly string[];
}

export interface Leak {
  source: string;
  label: string;
  entry: number;
}

/** Every (source, canary) pair where the canary occurs in an entry it is not allowed in. */
export function findLeaks(canaries: readonly Canary[], sources: readonly AuditSource[]): Leak[] {
  const leaks: Leak[] = [];
  // Case-insensitive (an address may be lower-cased on the way); values shorter than 6 would
  // match by chance.
  const wanted = canaries
    .filter((canary) => canary.value.length >= 6)
    .map((canary) => ({ label: canary.label, value: canary.value.toLowerCase() }));
  for (const source of sources) {
    const allowed = new Set(source.allow ?? []);
    const checked = wanted.filter((canary) => !allowed.has(canary.label));
    source.entries.forEach((entry, index) => {
      const text = entry.toLowerCase();
      for (const canary of checked)
        if (text.includes(canary.value))
          leaks.push({ source: source.name, label: canary.label, entry: index });
    });
  }
  return leaks;
}

/**
 * Entries that contain an e-mail address outside the organisation's own domains (the sender,
 * the DPO's published address) or anything shaped like a JWT: a safety net for values the
 * test did not know to look for.
 */
export function findGenericLeaks(
  sources: readonly AuditSource[],
  ownDomains: readonly string[] = [],
): Leak[] {
  const own = ownDomains.map((domain) => domain.toLowerCase());
  const leaks: Leak[] = [];
  for (const source of sources)
    source.entries.forEach((entry, index) => {
      const foreign = [...entry.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)].some(
        (match) => !own.includes(String(match[1]).toLowerCase()),
      );
      if (foreign && !source.allow?.includes('email-address'))
        leaks.push({ source: source.name, label: 'email-address', entry: index });
      if (/\beyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]*/.test(entry) && !source.allow?.includes('bearer-token'))
        leaks.push({ source: source.name, label: 'bearer-token', entry: index });
    });
  return leaks;
}

/** A mail as one searchable text: every header (decoded) and the decoded body. */
export function mailText(mail: OutboxMail): string {
  const headers = Object.entries(mail.headers).map(([name, value]) => `${name}: ${decodeHeader(value)}`);
  return [...headers, mail.text].join('\n');
}

/** The DPO-bound mails of an outbox (the notices), as audit entries. */
export function dpoMails(mails: readonly OutboxMail[]): string[] {
  return mails.filter((mail) => mail.file.endsWith('-dpo-notice.eml')).map(mailText);
}

/** Powertools metrics (EMF) lines among captured log output. */
export function metricLines(lines: readonly string[]): string[] {
  return lines.filter((line) => line.includes('"_aws"') && line.includes('CloudWatchMetrics'));
}

/** Every item of a table as JSON text (tests only: full scans). */
export async function tableEntries(name: TableName): Promise<string[]> {
  const entries: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: tableName(name), ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? [])
      entries.push(JSON.stringify(item, (_, value) => (value instanceof Set ? [...value] : value)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return entries;
}

/** All tables as audit sources (for erasure checks: nothing of an erased ticket may remain). */
export async function allTableSources(): Promise<AuditSource[]> {
  return Promise.all(
    (Object.keys(tables) as TableName[]).map(async (name) => ({ name, entries: await tableEntries(name) })),
  );
}
