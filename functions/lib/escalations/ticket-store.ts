// One module on purpose (~400 lines): the `tickets` table's only owner, so its key layout and
// every conditional write on it stay in one place.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  documentClient,
  epochSeconds,
  isConditionFailure,
  isExpired,
  tableName,
} from '../adapters/dynamodb.ts';
import type { Locale } from '../knowledge/schema.ts';

/**
 * The only code that touches the `tickets` table. Items (all single-item conditional writes,
 * because there are no transactions we could rely on everywhere):
 * - `TICKET#<id> / TICKET`: the ticket, with `version` for optimistic locking and its audit
 *   trail embedded, so a state change and its audit entry are one atomic write and erasing the
 *   ticket erases its trail;
 * - `TICKET#<id> / MAIL#<kind>`: notification markers (sending/sent), erased with the ticket;
 * - `TICKET#<id> / DRAFT#<entryId>`: a draft made from the ticket (promote), erased with it;
 * - `TOKEN#<clientToken> / TOKEN`: the idempotency record of a submission (24 h);
 * - `RATE#... / RATE`: daily counters and the daily salt of the per-client counter (2 days);
 * - `SNIPPET / SNIPPET#<id>`: the DPO's answer snippets, owned by `snippet-store.ts` (no ticket
 *   data; one partition, so listing them is one query).
 */
export const queueStatuses = ['open', 'claimed', 'answered', 'closed'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

/** Why a ticket was closed without an answer (the DPO picks one; recorded in the audit trail). */
export const closeReasons = ['duplicate', 'spam', 'answered_elsewhere'] as const;
export type CloseReason = (typeof closeReasons)[number];

/** Who did what, when. `actor` is a staff name, `citizen` or `system`: never personal data. */
export interface AuditEntry {
  actor: string;
  action: 'submitted' | 'claimed' | 'released' | 'answered' | 'closed' | 'confirmed' | 'auto-closed';
  at: string;
  /** Only on `closed` without an answer. */
  reason?: CloseReason;
}

export interface TicketItem {
  pk: string;
  sk: 'TICKET';
  ticketId: string;
  queueStatus: QueueStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  question: string;
  email?: string;
  locale: Locale;
  secretHash: string;
  /** The citizen's random idempotency token: lets erasure find the TOKEN record. */
  clientToken: string;
  claimedBy?: string;
  claimedByName?: string;
  claimedAt?: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
  closedAt?: string;
  /** Epoch seconds; set when the ticket is answered (backstop) and again when it is closed. */
  expiresAt?: number;
  /** SHA-256 of the confirmation code mailed to `email`; removed once confirmed. */
  confirmHash?: string;
  /** When the citizen confirmed `email`: only confirmed addresses get the answer by mail. */
  emailConfirmedAt?: string;
  audit: AuditEntry[];
}

export interface TokenRecord {
  pk: string;
  sk: 'TOKEN';
  ticketId: string;
  bodyHash: string;
  createdAt: string;
  expiresAt: number;
}

export const ticketKey = (ticketId: string) => ({ pk: `TICKET#${ticketId}`, sk: 'TICKET' });

/**
 * Keys of the table's bookkeeping items, for counters.ts and flood.ts (no personal data: buckets
 * are keyed hashes under a salt that is gone after two days). Built here only, like every key.
 */
export const bookkeepingKeys = {
  /** Daily forwarding counter of one client bucket. */
  clientCounter: (bucket: string) => ({ pk: `RATE#${bucket}`, sk: 'RATE' }),
  /** The town-wide forwarding figure of one day (an alarm, not a lock). */
  townCounter: (day: string) => ({ pk: `RATE#global#${day}`, sk: 'RATE' }),
  /** The day's salt of the client buckets. */
  salt: (day: string) => ({ pk: `RATE#salt#${day}`, sk: 'RATE' }),
  /** A single-use marker, e.g. a spent proof of work. */
  used: (id: string) => ({ pk: `USED#${id}`, sk: 'USED' }),
  /** The DPO digest's pending count and last send time. */
  digest: () => ({ pk: 'DIGEST', sk: 'DPO' }),
} as const;

export type BookkeepingKey = ReturnType<(typeof bookkeepingKeys)[keyof typeof bookkeepingKeys]>;
export const tokenKey = (clientToken: string) => ({ pk: `TOKEN#${clientToken}`, sk: 'TOKEN' });
const markerKey = (ticketId: string, kind: string) => ({ pk: `TICKET#${ticketId}`, sk: `MAIL#${kind}` });

const table = () => tableName('tickets');

async function getItem<T>(key: Record<string, string>, consistent: boolean): Promise<T | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: table(), Key: key, ConsistentRead: consistent }),
  );
  const item = result.Item as (T & { expiresAt?: unknown }) | undefined;
  return item && !isExpired(item) ? item : undefined;
}

/**
 * Puts an item unless one with the same key exists; false when it existed. With
 * `replaceExpired`, an item whose TTL passed (but which DynamoDB has not deleted yet) counts as gone.
 */
async function putNew(item: Record<string, unknown>, replaceExpired = false): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: item,
        ...(replaceExpired
          ? {
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
              ExpressionAttributeValues: { ':now': epochSeconds() },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The ticket, or undefined when it does not exist or its retention has passed. */
export function getTicket(ticketId: string, consistent = true): Promise<TicketItem | undefined> {
  return getItem<TicketItem>(ticketKey(ticketId), consistent);
}

/** True when any item (even an expired one) holds this reference. */
export async function ticketIdTaken(ticketId: string): Promise<boolean> {
  const result = await documentClient().send(
    new GetCommand({
      TableName: table(),
      Key: ticketKey(ticketId),
      ConsistentRead: true,
      ProjectionExpression: 'pk',
    }),
  );
  return result.Item !== undefined;
}

export function getTokenRecord(clientToken: string): Promise<TokenRecord | undefined> {
  return getItem<TokenRecord>(tokenKey(clientToken), true);
}

/** Writes the idempotency record; false when the token was used already. */
export function putTokenRecord(record: TokenRecord): Promise<boolean> {
  return putNew({ ...record }, true);
}

/** Writes a new ticket; false when it exists already (an earlier attempt of the same submit). */
export function putTicket(ticket: TicketItem): Promise<boolean> {
  return putNew({ ...ticket });
}

export interface TicketChange {
  set: Partial<Omit<TicketItem, 'pk' | 'sk' | 'version' | 'audit'>>;
  remove?: (keyof TicketItem)[];
  audit: AuditEntry;
}

/**
 * Applies a change if the ticket is still at `expectedVersion` (optimistic locking) and bumps
 * the version; the audit entry is appended in the same write. Resolves the new ticket, or
 * undefined when someone changed (or erased) the ticket in between.
 */
export async function updateTicket(
  ticketId: string,
  expectedVersion: number,
  change: TicketChange,
): Promise<TicketItem | undefined> {
  const names: Record<string, string> = { '#version': 'version', '#audit': 'audit' };
  const values: Record<string, unknown> = {
    ':expected': expectedVersion,
    ':one': 1,
    ':entry': [change.audit],
    ':empty': [],
  };
  const sets = ['#version = #version + :one', '#audit = list_append(if_not_exists(#audit, :empty), :entry)'];
  Object.entries(change.set).forEach(([name, value], index) => {
    if (value === undefined) return;
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
  });
  const removes = (change.remove ?? []).map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  try {
    const result = await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: ticketKey(ticketId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes as TicketItem;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

export interface TicketPage {
  items: TicketItem[];
  lastKey?: Record<string, unknown>;
}

/** One page of tickets in a status, oldest first (GSI `byStatus`), without expired ones. */
export async function listByStatus(
  status: QueueStatus,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<TicketPage> {
  const result = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'byStatus',
      KeyConditionExpression: 'queueStatus = :status',
      FilterExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
      ExpressionAttributeValues: { ':status': status, ':now': Math.floor(Date.now() / 1000) },
      ScanIndexForward: true,
      Limit: limit,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  const items = ((result.Items ?? []) as TicketItem[]).filter((item) => !isExpired(item));
  return { items, ...(result.LastEvaluatedKey ? { lastKey: result.LastEvaluatedKey } : {}) };
}

/** Every key stored under a ticket's partition (the ticket, its mail markers). */
async function keysOf(ticketId: string): Promise<Record<string, string>[]> {
  const keys: Record<string, string>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ticketKey(ticketId).pk },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    keys.push(...((page.Items ?? []) as Record<string, string>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return keys;
}

/**
 * Erases a ticket and everything stored for it: mail markers and the idempotency record
 * first, the ticket item last, so that an interrupted erasure can simply be repeated.
 */
export async function eraseTicket(ticketId: string, clientToken: string): Promise<void> {
  const send = (key: Record<string, string>) =>
    documentClient().send(new DeleteCommand({ TableName: table(), Key: key }));
  await send(tokenKey(clientToken));
  const keys = await keysOf(ticketId);
  for (const key of keys.filter((key) => key.sk !== 'TICKET')) await send(key);
  await send(ticketKey(ticketId));
}

export type MarkerState = 'sending' | 'sent';

/**
 * Starts a notification: records `sending` unless the marker already says `sent`.
 * False means the mail went out before (a redelivered stream record): do not send again.
 */
export async function beginMail(ticketId: string, kind: string, expiresAt: number): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...markerKey(ticketId, kind), state: 'sending', at: new Date().toISOString(), expiresAt },
        ConditionExpression: 'attribute_not_exists(pk) OR #state <> :sent',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sent': 'sent' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Marks a notification as sent (only after the transport accepted it). */
export async function finishMail(ticketId: string, kind: string): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: markerKey(ticketId, kind),
      UpdateExpression: 'SET #state = :sent, sentAt = :now',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sent': 'sent', ':now': new Date().toISOString() },
    }),
  );
}

/**
 * Adds one to a daily counter unless it reached `cap`; false when the cap is reached.
 * Counters expire two days later.
 */
export async function countUnlessCapped(
  counterKey: BookkeepingKey,
  cap: number,
  expiresAt: number,
): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: counterKey,
        UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':expiresAt': expiresAt },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

let cachedSalt: { day: string; salt: string } | undefined;

/**
 * The salt of one day's per-client counters: random, shared by all containers through the
 * table, gone after two days, so a stored counter key can no longer be linked to an address.
 */
export async function dailySalt(day: string, candidate: string, expiresAt: number): Promise<string> {
  // The salt never changes during its day: one read (or one write) per container and day,
  // instead of a write on every submission to the same hot item.
  if (cachedSalt?.day === day) return cachedSalt.salt;
  const key = bookkeepingKeys.salt(day);
  const existing = await getItem<{ salt: string }>(key, true);
  let salt = existing?.salt;
  if (!salt) {
    if (await putNew({ ...key, salt: candidate, expiresAt })) salt = candidate;
    else salt = (await getItem<{ salt: string }>(key, true))?.salt;
  }
  if (!salt) throw new Error('daily salt vanished');
  cachedSalt = { day, salt };
  return salt;
}

export interface DraftLink {
  entryId: string;
  /** The citizen's question as it went into the draft (anonymised); erased with the ticket. */
  question: string;
}

/** Records that a draft was made from the ticket, so that erasing the ticket finds it. */
export async function linkDraft(ticketId: string, link: DraftLink, expiresAt: number): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: table(),
      Item: { pk: ticketKey(ticketId).pk, sk: `DRAFT#${link.entryId}`, ...link, expiresAt },
    }),
  );
}

/** The drafts made from a ticket. */
export async function draftLinksOf(ticketId: string): Promise<DraftLink[]> {
  const result = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :draft)',
      ExpressionAttributeValues: { ':pk': ticketKey(ticketId).pk, ':draft': 'DRAFT#' },
      ConsistentRead: true,
    }),
  );
  return ((result.Items ?? []) as DraftLink[]).map(({ entryId, question }) => ({ entryId, question }));
}
