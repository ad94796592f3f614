// handler -> lib/escalations/notifications -> adapters/mail (SES or outbox) + ticket store
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import type { DynamoDBStreamHandler } from 'aws-lambda';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { mailerFromEnv } from '../lib/adapters/mail.ts';
import { getOptionalStringFromEnv, getStringFromEnv } from '../lib/config/env.ts';
import { createNotifyHandler } from '../lib/escalations/notifications.ts';

// Fail at cold start, not on the first record, when the deployment forgot a setting.
tableName('tickets');
tableName('knowledge');
const mailFrom = getOptionalStringFromEnv('MAIL_FROM');
const dpoMailbox = getOptionalStringFromEnv('DPO_MAILBOX');
const apiUrl = getOptionalStringFromEnv('API_URL');
const notify = createNotifyHandler({
  mailer: mailerFromEnv(),
  inboxUrl: getStringFromEnv('INBOX_URL'),
  ...(apiUrl ? { apiUrl } : {}),
  ...(mailFrom ? { from: mailFrom } : {}),
  ...(dpoMailbox ? { dpoMailbox } : {}),
});

/** The tickets table's stream: DPO digest, confirmation and answer mails; reports partial failures. */
export const handler: DynamoDBStreamHandler = (event) => notify(event);
