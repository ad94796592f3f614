import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { epochSeconds, fromStreamImage, type WireValue } from '../adapters/dynamodb.ts';
import type { Mailer, MailMessage } from '../adapters/mail.ts';
import { logger } from '../observability/logger.ts';
import { answerMail, dpoNotice } from './mail-texts.ts';
import { publishedSettings } from './settings.ts';
import { beginMail, finishMail, getTicket, type TicketItem } from './ticket-store.ts';

export type MailKind = 'dpo-notice' | 'answer';

export interface NotifyOptions {
  mailer: Mailer;
  /** Link to the DPO inbox page (`INBOX_URL`); the reference is appended as `?ticket=`. */
  inboxUrl: string;
  /** Sender and DPO mailbox; default to the published settings' contact data. */
  from?: string;
  dpoMailbox?: string;
}

/** How long a "sent" marker is kept: far longer than a stream record can be redelivered (24 h). */
const markerLifetimeSeconds = 7 * 24 * 3600;

/** Which mail a stream record asks for, if any. Only ticket items matter; markers, tokens and counters do not. */
export function mailFor(record: DynamoDBRecord): { ticketId: string; kind: MailKind } | undefined {
  const keys = fromStreamImage(record.dynamodb?.Keys as Record<string, WireValue> | undefined);
  if (keys.sk !== 'TICKET' || typeof keys.pk !== 'string' || !keys.pk.startsWith('TICKET#')) return undefined;
  const ticketId = keys.pk.slice('TICKET#'.length);
  if (record.eventName === 'INSERT') return { ticketId, kind: 'dpo-notice' };
  if (record.eventName !== 'MODIFY') return undefined;
  const before = fromStreamImage(record.dynamodb?.OldImage as Record<string, WireValue> | undefined);
  const after = fromStreamImage(record.dynamodb?.NewImage as Record<string, WireValue> | undefined);
  if (after.queueStatus === 'answered' && before.queueStatus !== 'answered')
    return { ticketId, kind: 'answer' };
  return undefined;
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
  // The citizen left no address, or the answer vanished: nothing to send.
  if (!ticket.email || !ticket.answer) return undefined;
  const mail = answerMail(ticket.locale, {
    ticketId: ticket.ticketId,
    answer: ticket.answer,
    organisation: contact.organisation,
    dpoEmail: contact.dpo.email,
    retentionDays: escalation.retentionDays,
  });
  return { from, to: ticket.email, ...mail, tags };
}

/** Handles one record; throws when the mail could not be sent (the record is then retried). */
async function notify(record: DynamoDBRecord, options: NotifyOptions): Promise<void> {
  const wanted = mailFor(record);
  if (!wanted) return;
  const { ticketId, kind } = wanted;
  // The current item, not the image: a ticket erased meanwhile gets no mail.
  const ticket = await getTicket(ticketId);
  if (!ticket) {
    logger.info('notification skipped', { ticketId, kind, reason: 'ticket_gone' });
    return;
  }
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
 * The stream consumer: DPO notice for each new ticket, the answer mail for each newly answered
 * ticket with an address. Records are handled in order; the first failure and everything after
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
