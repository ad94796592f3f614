// One module on purpose (~420 lines): the ticket lifecycle over ticket-store.ts, from submission to
// close; citizen and staff steps share the item's views and the one `transition` helper.
import { epochSeconds } from '../adapters/dynamodb.ts';
import { keyedHash } from '../adapters/secrets.ts';
import type { StaffIdentity } from '../auth/groups.ts';
import { countTicketAnswered, countTicketCreated } from '../dashboard/counters.ts';
import { BadRequestError, ConflictError, NotFoundError, ServiceUnavailableError } from '../http/errors.ts';
import type { Locale } from '../knowledge/schema.ts';
import { logger } from '../observability/logger.ts';
import { accessCodeHash, accessCodeMatches, deriveAccessCode } from './access-code.ts';
import { admitSubmission } from './flood.ts';
import { ticketBookkeeping } from './retention.ts';
import { publishedSettings } from './settings.ts';
import { newTicketId, sha256 } from './ticket-id.ts';
import {
  type AuditEntry,
  type CloseReason,
  eraseTicket,
  getTicket,
  getTokenRecord,
  listByStatus,
  putTicket,
  putTokenRecord,
  type QueueStatus,
  type TicketItem,
  type TokenRecord,
  ticketIdTaken,
  ticketKey,
  tokenKey,
  updateTicket,
} from './ticket-store.ts';

const day = 24 * 3600;

export interface SubmitInput {
  question: string;
  email?: string;
  locale: Locale;
  clientToken: string;
  /** A solved ALTCHA challenge (base64 payload), when the widget was challenged. */
  challenge?: string;
}

export interface SubmitResult {
  ticketId: string;
  /** The access code (derived, never stored): `XXXX-XXXX-XXXX-XXXX-XXXX`. */
  secret: string;
  status: QueueStatus;
  /**
   * `pending`: a confirmation mail went to the address; the answer is mailed only once it is
   * confirmed, and is always readable in the widget. `none`: no address, widget only.
   */
  emailConfirmation: 'pending' | 'none';
  /** True when the town-wide daily figure is exceeded (the handler raises the alarm metric). */
  overDailyFigure?: boolean;
}

/** The code in the confirmation link of a ticket's address (derived, never stored). */
export async function confirmationCode(ticketId: string, clientToken: string): Promise<string> {
  return (await keyedHash('confirm', ticketId, clientToken)).toString('base64url').slice(0, 32);
}

export { secondsUntilMidnightUtc } from './flood.ts';

/** A ticket reference no item holds yet (a collision is astronomically rare, but cheap to rule out). */
async function freeTicketId(): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newTicketId();
    if (!(await ticketIdTaken(id))) return id;
  }
  throw new Error('no free ticket id');
}

function bodyHashOf(input: SubmitInput): string {
  return sha256(JSON.stringify([input.question, input.email ?? null, input.locale]));
}

/**
 * Step 2 of a submission: writes the ticket exactly as the TOKEN record and body determine it,
 * so every attempt of the same submission (retries, racing duplicates) writes the same item and
 * the first write wins.
 */
async function completeSubmission(input: SubmitInput, record: TokenRecord): Promise<SubmitResult> {
  const secret = await deriveAccessCode(input.clientToken, record.ticketId);
  const confirm = input.email ? await confirmationCode(record.ticketId, input.clientToken) : undefined;
  const ticket: TicketItem = {
    ...ticketKey(record.ticketId),
    sk: 'TICKET',
    ticketId: record.ticketId,
    queueStatus: 'open',
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    version: 1,
    question: input.question,
    ...(input.email ? { email: input.email } : {}),
    locale: input.locale,
    secretHash: accessCodeHash(secret),
    ...(confirm ? { confirmHash: sha256(confirm) } : {}),
    clientToken: input.clientToken,
    audit: [{ actor: 'citizen', action: 'submitted', at: record.createdAt }],
  };
  const created = await putTicket(ticket);
  if (!created) {
    const existing = await getTicket(record.ticketId);
    if (!existing) throw new NotFoundError('This submission was erased.');
    if (existing.clientToken !== input.clientToken) throw new Error('ticket id collision');
  }
  if (created) {
    logger.info('ticket submitted', { ticketId: record.ticketId, locale: input.locale });
    await countTicketCreated(new Date(record.createdAt)); // once per ticket; never throws
  }
  return {
    ticketId: record.ticketId,
    secret,
    status: 'open',
    emailConfirmation: input.email ? 'pending' : 'none',
  };
}

/**
 * Files a citizen's question. Idempotent per client token: the same token with the same body
 * returns the same ticket (also when two requests race), a different body is a 409. The
 * ticket is written durably before this resolves.
 */
export async function submitTicket(
  input: SubmitInput,
  sourceIp: string,
  now = new Date(),
): Promise<SubmitResult> {
  const bodyHash = bodyHashOf(input);
  const converge = (record: TokenRecord) => {
    if (record.bodyHash !== bodyHash)
      throw new ConflictError('This client token was used for a different question.', 'idempotency_conflict');
    return completeSubmission(input, record);
  };
  // A retry of an earlier submission is answered without counting against the caps again.
  const earlier = await getTokenRecord(input.clientToken);
  if (earlier) return converge(earlier);

  const admission = await admitSubmission(sourceIp, input.challenge, now);
  const record: TokenRecord = {
    ...tokenKey(input.clientToken),
    sk: 'TOKEN',
    ticketId: await freeTicketId(),
    bodyHash,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + ticketBookkeeping.idempotencyHours * 3600,
  };
  if (await putTokenRecord(record))
    return { ...(await completeSubmission(input, record)), overDailyFigure: admission.overDailyFigure };
  // Lost the race against a concurrent request with the same token: use the winner's record.
  const winner = await getTokenRecord(input.clientToken);
  // The winner is gone again (erased, expired, or the refusal was spurious): nothing was filed
  // for this attempt, and a plain retry will succeed, so say so the way every client understands.
  if (!winner) throw new ServiceUnavailableError(1, 'Please retry the submission.');
  return converge(winner);
}

/** What the citizen sees of their ticket. */
export interface CitizenView {
  ticketId: string;
  status: QueueStatus;
  question: string;
  locale: Locale;
  createdAt: string;
  answer?: { text: string; answeredAt: string };
  /** `confirmed`: the answer is also mailed; `pending`: not until confirmed; `none`: widget only. */
  emailConfirmation: 'confirmed' | 'pending' | 'none';
}

const confirmationState = (ticket: TicketItem): CitizenView['emailConfirmation'] =>
  !ticket.email ? 'none' : ticket.emailConfirmedAt ? 'confirmed' : 'pending';

/** The ticket when the secret matches; a wrong secret looks exactly like an unknown ticket. */
async function ticketForCitizen(ticketId: string, secret: string | undefined): Promise<TicketItem> {
  const ticket = await getTicket(ticketId);
  if (!ticket || !accessCodeMatches(secret, ticket.secretHash)) throw new NotFoundError('Ticket not found.');
  return ticket;
}

export async function readTicketForCitizen(
  ticketId: string,
  secret: string | undefined,
): Promise<CitizenView> {
  const ticket = await ticketForCitizen(ticketId, secret);
  return {
    ticketId: ticket.ticketId,
    status: ticket.queueStatus,
    question: ticket.question,
    locale: ticket.locale,
    createdAt: ticket.createdAt,
    ...(ticket.answer && ticket.answeredAt
      ? { answer: { text: ticket.answer, answeredAt: ticket.answeredAt } }
      : {}),
    emailConfirmation: confirmationState(ticket),
  };
}

/** GDPR Art. 17: erases the ticket and everything stored for it. */
export async function eraseTicketForCitizen(ticketId: string, secret: string | undefined): Promise<void> {
  const ticket = await ticketForCitizen(ticketId, secret);
  await eraseTicket(ticket.ticketId, ticket.clientToken);
  logger.info('ticket erased', { ticketId: ticket.ticketId });
}

/** What the DPO sees: everything but the secret hash, the client token and the address itself. */
export interface InboxTicket {
  ticketId: string;
  status: QueueStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  question: string;
  locale: Locale;
  hasEmail: boolean;
  /** True when the citizen confirmed the address (only then the answer is mailed). */
  emailConfirmed: boolean;
  claimedBy?: string;
  claimedByName?: string;
  claimedAt?: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
  closedAt?: string;
  expiresAt?: string;
  audit: AuditEntry[];
}

export function toInboxTicket(ticket: TicketItem): InboxTicket {
  const optional = <K extends keyof TicketItem>(name: K) =>
    ticket[name] !== undefined ? { [name]: ticket[name] } : {};
  return {
    ticketId: ticket.ticketId,
    status: ticket.queueStatus,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    version: ticket.version,
    question: ticket.question,
    locale: ticket.locale,
    hasEmail: Boolean(ticket.email),
    emailConfirmed: Boolean(ticket.email && ticket.emailConfirmedAt),
    ...optional('claimedBy'),
    ...optional('claimedByName'),
    ...optional('claimedAt'),
    ...optional('answer'),
    ...optional('answeredAt'),
    ...optional('answeredBy'),
    ...optional('closedAt'),
    ...(ticket.expiresAt ? { expiresAt: new Date(ticket.expiresAt * 1000).toISOString() } : {}),
    audit: ticket.audit ?? [],
  };
}

export interface InboxPage {
  items: InboxTicket[];
  nextCursor?: string;
}

/** The pagination cursor is the opaque, validated LastEvaluatedKey of the GSI query. */
function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, status: QueueStatus): Record<string, unknown> | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const valid =
      key !== null &&
      typeof key === 'object' &&
      Object.keys(key).length === 4 &&
      key.queueStatus === status &&
      typeof key.createdAt === 'string' &&
      typeof key.pk === 'string' &&
      key.pk.startsWith('TICKET#') &&
      key.sk === 'TICKET';
    return valid ? key : undefined;
  } catch {
    return undefined;
  }
}

/** One page of the DPO inbox, oldest first. */
export async function listInbox(status: QueueStatus, limit: number, cursor?: string): Promise<InboxPage> {
  const startKey = cursor === undefined ? undefined : decodeCursor(cursor, status);
  if (cursor !== undefined && !startKey)
    throw new BadRequestError('cursor: invalid cursor', 'invalid_request');
  const page = await listByStatus(status, limit, startKey);
  return {
    items: page.items.map(toInboxTicket),
    ...(page.lastKey ? { nextCursor: encodeCursor(page.lastKey) } : {}),
  };
}

async function ticketForStaff(ticketId: string): Promise<TicketItem> {
  const ticket = await getTicket(ticketId);
  if (!ticket) throw new NotFoundError('Ticket not found.');
  return ticket;
}

export async function inboxTicket(ticketId: string): Promise<InboxTicket> {
  return toInboxTicket(await ticketForStaff(ticketId));
}

type Transition = (ticket: TicketItem, now: Date) => Parameters<typeof updateTicket>[2] | 'unchanged';

/**
 * Reads the ticket, decides the change (or throws 409), and writes it with optimistic locking.
 * When someone else changed the ticket in between, the decision is made again on the fresh
 * item, so of many concurrent claims exactly one wins and the others see a 409.
 */
async function transition(ticketId: string, decide: Transition): Promise<InboxTicket> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticket = await ticketForStaff(ticketId);
    const now = new Date();
    const change = decide(ticket, now);
    if (change === 'unchanged') return toInboxTicket(ticket);
    const updated = await updateTicket(ticketId, ticket.version, change);
    if (updated) {
      logger.info('ticket changed', { ticketId, action: change.audit.action, status: updated.queueStatus });
      return toInboxTicket(updated);
    }
  }
  throw new ConflictError('The ticket is being changed by someone else. Please reload.', 'busy');
}

const heldByOther = () => new ConflictError('Another person is working on this ticket.', 'claimed_by_other');

export function claimTicket(ticketId: string, staff: StaffIdentity): Promise<InboxTicket> {
  return transition(ticketId, (ticket, now) => {
    if (ticket.queueStatus === 'claimed' && ticket.claimedBy === staff.sub) return 'unchanged';
    if (ticket.queueStatus === 'claimed') throw heldByOther();
    if (ticket.queueStatus !== 'open')
      throw new ConflictError(`The ticket is ${ticket.queueStatus}.`, 'wrong_status');
    const at = now.toISOString();
    return {
      set: {
        queueStatus: 'claimed',
        claimedBy: staff.sub,
        claimedByName: staff.name,
        claimedAt: at,
        updatedAt: at,
      },
      audit: { actor: staff.name, action: 'claimed', at },
    };
  });
}

export function releaseTicket(ticketId: string, staff: StaffIdentity): Promise<InboxTicket> {
  return transition(ticketId, (ticket, now) => {
    if (ticket.queueStatus !== 'claimed')
      throw new ConflictError('The ticket is not claimed.', 'wrong_status');
    if (ticket.claimedBy !== staff.sub) throw heldByOther();
    const at = now.toISOString();
    return {
      set: { queueStatus: 'open', updatedAt: at },
      remove: ['claimedBy', 'claimedByName', 'claimedAt'],
      audit: { actor: staff.name, action: 'released', at },
    };
  });
}

export async function answerTicket(
  ticketId: string,
  staff: StaffIdentity,
  text: string,
): Promise<InboxTicket> {
  const { escalation } = await publishedSettings();
  const answered = await transition(ticketId, (ticket, now) => {
    if (ticket.queueStatus !== 'claimed')
      throw new ConflictError('Claim the ticket before answering it.', 'wrong_status');
    if (ticket.claimedBy !== staff.sub) throw heldByOther();
    const at = now.toISOString();
    return {
      set: {
        queueStatus: 'answered',
        answer: text,
        answeredAt: at,
        answeredBy: staff.name,
        updatedAt: at,
        // Backstop: even if the schedule never closes it, an answered ticket expires.
        expiresAt: epochSeconds(now) + (escalation.autoCloseDays + escalation.retentionDays) * day,
      },
      audit: { actor: staff.name, action: 'answered', at },
    };
  });
  // The dashboard's time-to-answer histogram; never throws.
  if (answered.answeredAt) await countTicketAnswered(answered.createdAt, answered.answeredAt);
  return answered;
}

/**
 * Closes a ticket (its holder, or anyone once it is answered); it expires after the retention
 * period. A ticket without an answer needs a reason (duplicate, spam, answered elsewhere), so
 * that no citizen's question is closed silently; the reason goes into the audit trail.
 */
export async function closeTicket(
  ticketId: string,
  staff: StaffIdentity,
  reason?: CloseReason,
): Promise<InboxTicket> {
  const { escalation } = await publishedSettings();
  return transition(ticketId, (ticket, now) => {
    if (ticket.queueStatus === 'closed')
      throw new ConflictError('The ticket is closed already.', 'wrong_status');
    if (ticket.queueStatus === 'open')
      throw new ConflictError('Claim the ticket before closing it.', 'wrong_status');
    if (ticket.queueStatus === 'claimed' && ticket.claimedBy !== staff.sub) throw heldByOther();
    if (!ticket.answer && !reason)
      throw new BadRequestError('reason: required to close a ticket without an answer', 'invalid_request');
    const at = now.toISOString();
    return {
      set: {
        queueStatus: 'closed',
        closedAt: at,
        updatedAt: at,
        expiresAt: epochSeconds(now) + escalation.retentionDays * day,
      },
      audit: { actor: staff.name, action: 'closed', at, ...(reason ? { reason } : {}) },
    };
  });
}
