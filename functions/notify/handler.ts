// handler -> lib/escalations/notifications -> adapters/mail (SES or outbox) + ticket store
import type { DynamoDBStreamHandler } from 'aws-lambda';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { mailerFromEnv } from '../lib/adapters/mail.ts';
import { getStringFromEnv } from '../lib/config/env.ts';
import { createNotifyHandler } from '../lib/escalations/notifications.ts';

// Fail at cold start, not on the first record, when the deployment forgot a setting.
tableName('tickets');
tableName('knowledge');
const notify = createNotifyHandler({
  mailer: mailerFromEnv(),
  inboxUrl: getStringFromEnv('INBOX_URL'),
  ...(process.env.API_URL ? { apiUrl: process.env.API_URL } : {}),
  ...(process.env.MAIL_FROM ? { from: process.env.MAIL_FROM } : {}),
  ...(process.env.DPO_MAILBOX ? { dpoMailbox: process.env.DPO_MAILBOX } : {}),
});

/** The tickets table's stream: DPO digest, confirmation and answer mails; reports partial failures. */
export const handler: DynamoDBStreamHandler = (event) => notify(event);
