import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { epochSeconds, fromStreamImage, type WireValue } from '../adapters/dynamodb.ts';
import type { Mailer, MailMessage } from '../adapters/mail.ts';
import { logger } from '../observability/logger.ts';
import { addToDigest, returnDigest, takeDigest } from './counters.ts';
import { confirmationMail, dpoDigest } from './flow-mail-texts.ts';
import { answerMail, dpoNotice } from './mail-texts.ts';
import { publishedSettings } from './settings.ts';
import { beginMail, finishMail, getTicket, type TicketItem } from './ticket-store.ts';
import { confirmationCode } from './tickets.ts';

/**
 * `dpo-notice`: the new ticket is counted into the DPO digest (at most one mail per
 * `digestMinutes`); `confirm`: the confirmation link to the citizen's address; `answer`: the
 * DPO's answer, only to a confirmed address.
 */
export type MailKind = 'dpo-notice' | 'confirm' | 'answer';

export interface NotifyOptions {
  mailer: Mailer;
  /** Link to the DPO inbox page (`INBOX_URL`). */
  inboxUrl: string;
  /** The public API's base URL (`API_URL`): the confirmation link points there. */
  apiUrl?: string;
  /** Sender and DPO mailbox; default to the published settings' contact data. */
  from?: string;
  dpoMailbox?: string;
}

/** How long a "sent" marker is kept: far longer than a stream record can be redelivered (24 h). */
const markerLifetimeSeconds = 7 * 24 * 3600;

/** Which mails a stream record asks for. Only ticket items matter; markers, tokens and counters do not. */
export function mailsFor(record: DynamoDBRecord): { ticketId: string; kinds: MailKind[] } | undefined {
  const keys = fromStreamImage(record.dynamodb?.Keys as Record<string, WireValue> | undefined);
  if (keys.sk !== 'TICKET' || typeof keys.pk !== 'string' || !keys.pk.startsWith('TICKET#')) return undefined;
  const ticketId = keys.pk.slice('TICKET#'.length);
  if (record.eventName === 'INSERT') return { ticketId, kinds: ['dpo-notice', 'confirm'] };
  if (record.eventName !== 'MODIFY') return undefined;
  const before = fromStreamImage(record.dynamodb?.OldImage as Record<string, WireValue> | undefined);
  const after = fromStreamImage(record.dynamodb?.NewImage as Record<string, WireValue> | undefined);
  if (after.queueStatus === 'answered' && before.queueStatus !== 'answered')
    return { ticketId, kinds: ['answer'] };
  return undefined;
}

/** The first mail a record asks for (kept for callers that know only one kind per record). */
export function mailFor(record: DynamoDBRecord): { ticketId: string; kind: MailKind } | undefined {
  const wanted = mailsFor(record);
  const kind = wanted?.kinds[0];
  return wanted && kind ? { ticketId: wanted.ticketId, kind } : undefined;
}

async function compose(
  kind: MailKind,
  ticket: TicketItem,
  options: NotifyOptions,
): Promise<MailMessage | undefined> {
  const { contact, escalation } = await publishedSettings();
  const from = options.from || contact.senderAddress;
  const tags = { ticket: ticket.ticketId, kind };
  if (kind === 'dpo-notice') {
    // digestMinutes 0: one notice per ticket, as for a town with little traffic.
    const link = new URL(options.inboxUrl);
    link.searchParams.set('ticket', ticket.ticketId);
    const mail = dpoNotice({
      ticketId: ticket.ticketId,
      createdAt: ticket.createdAt,
      inboxLink: link.toString(),
      organisation: contact.organisation,
    });
    return { from, to: options.dpoMailbox || contact.dpoMailbox, ...mail, tags };
  }
  if (kind === 'confirm') {
    if (!ticket.email || ticket.emailConfirmedAt) return undefined;
    const base = options.apiUrl ?? new URL(options.inboxUrl).origin;
    const link = new URL(`${base.replace(/\/$/, '')}/v1/escalations/${ticket.ticketId}/confirm`);
    link.searchParams.set('code', await confirmationCode(ticket.ticketId, ticket.clientToken));
    link.searchParams.set('lang', ticket.locale);
    const mail = confirmationMail(ticket.locale, {
      ticketId: ticket.ticketId,
      link: link.toString(),
      organisation: contact.organisation,
    });
    return { from, to: ticket.email, ...mail, tags };
  }
  // No address, an unconfirmed one, or the answer vanished: nothing to send (the widget shows it).
  if (!ticket.email || !ticket.emailConfirmedAt || !ticket.answer) return undefined;
  const mail = answerMail(ticket.locale, {
    ticketId: ticket.ticketId,
    answer: ticket.answer,
    organisation: contact.organisation,
    dpoEmail: contact.dpo.email,
    retentionDays: escalation.retentionDays,
  });
  return { from, to: ticket.email, ...mail, tags };
}

/**
 * Sends the DPO digest when one is due: at most one mail per `digestMinutes`, with the count of
 * new tickets since the last one. Tickets arriving in between wait for the next ticket or the
 * schedule (`flushDigest`). A failed send gives the count back and rethrows.
 */
export async function flushDigest(options: NotifyOptions, now = new Date()): Promise<number> {
  const { contact, escalation } = await publishedSettings();
  const taken = await takeDigest(escalation.digestMinutes * 60, now);
  if (!taken || taken.count === 0) return 0;
  const mail = dpoDigest({
    count: taken.count,
    inboxLink: options.inboxUrl,
    organisation: contact.organisation,
    minutes: escalation.digestMinutes,
  });
  try {
    await options.mailer.send({
      from: options.from || contact.senderAddress,
      to: options.dpoMailbox || contact.dpoMailbox,
      ...mail,
      tags: { kind: 'dpo-digest' },
    });
  } catch (error) {
    await returnDigest(taken.count, taken.previousAt);
    throw error;
  }
  logger.info('notification sent', { kind: 'dpo-digest', count: taken.count });
  return taken.count;
}

/** Counts a new ticket into the digest once (the marker makes a redelivered record a no-op). */
async function countForDigest(ticketId: string, options: NotifyOptions): Promise<void> {
  if (await beginMail(ticketId, 'dpo-notice', epochSeconds() + markerLifetimeSeconds)) {
    await addToDigest();
    await markSent(ticketId, 'dpo-notice');
  }
  await flushDigest(options);
}

/** Handles one record; throws when a mail could not be sent (the record is then retried). */
async function notify(record: DynamoDBRecord, options: NotifyOptions): Promise<void> {
  const wanted = mailsFor(record);
  if (!wanted) return;
  for (const kind of wanted.kinds) await notifyOne(wanted.ticketId, kind, options);
}

async function notifyOne(ticketId: string, kind: MailKind, options: NotifyOptions): Promise<void> {
  // The current item, not the image: a ticket erased meanwhile gets no mail.
  const ticket = await getTicket(ticketId);
  if (!ticket) {
    logger.info('notification skipped', { ticketId, kind, reason: 'ticket_gone' });
    return;
  }
  if (kind === 'dpo-notice' && (await publishedSettings()).escalation.digestMinutes > 0)
    return countForDigest(ticketId, options);
  const message = await compose(kind, ticket, options);
  if (!message) {
    logger.info('notification skipped', { ticketId, kind, reason: 'no_recipient' });
    return;
  }
  if (!(await beginMail(ticketId, kind, epochSeconds() + markerLifetimeSeconds))) {
    logger.info('notification skipped', { ticketId, kind, reason: 'already_sent' });
    return;
  }
  await options.mailer.send(message);
  // Marked only after the transport accepted the mail: a failed send is retried, a sent one is not.
  await markSent(ticketId, kind);
  logger.info('notification sent', { ticketId, kind });
}

/** Attempts at recording "sent" before giving up on the marker (not on the record). */
const markAttempts = 5;

/**
 * Records that a mail went out. The mail is already with the transport, so a transient failure
 * here must not fail the record: a redelivery would send the same mail a second time. It is
 * retried in place instead; should it still fail, the record counts as done and the marker
 * stays `sending` (only a later redelivery of the same record could then repeat the mail).
 */
async function markSent(ticketId: string, kind: MailKind): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await finishMail(ticketId, kind);
      return;
    } catch (error) {
      if (attempt >= markAttempts) {
        logger.error('mail sent but not marked as sent', {
          ticketId,
          kind,
          errorName: error instanceof Error ? error.name : typeof error,
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/**
 * The stream consumer: the DPO digest for new tickets, the confirmation mail for a new address,
 * the answer mail for each newly answered ticket with a confirmed address. Records are handled in order; the first failure and everything after
 * it are reported as `batchItemFailures`, so Lambda retries exactly those (in order).
 */
export function createNotifyHandler(options: NotifyOptions) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
      if (batchItemFailures.length > 0) {
        batchItemFailures.push({ itemIdentifier: sequenceNumber });
        continue;
      }
      try {
        await notify(record, options);
      } catch (error) {
        logger.warn('notification failed', {
          eventID: record.eventID,
          errorName: error instanceof Error ? error.name : typeof error,
        });
        batchItemFailures.push({ itemIdentifier: sequenceNumber });
      }
    }
    return { batchItemFailures };
  };
}
