import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import type { Settings } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge, loadPublished } from '../../functions/lib/knowledge/store.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { type Challenge, solveChallenge } from '../../web/widget/pow.ts';
import { readOutbox } from './mail.ts';
import { request } from './stack.ts';

export interface Submitted {
  ticketId: string;
  secret: string;
  status: string;
}

/** A valid submission body; `overrides` replace fields. */
export function submission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    question: `Testfrage ${randomUUID()}`,
    locale: 'de',
    consent: true,
    clientToken: randomUUID(),
    ...overrides,
  };
}

/** Solves a proof-of-work challenge from the stack, as the widget does (the payload to send as `altcha`). */
export async function solvedChallenge(stack: LocalStack): Promise<string> {
  const challenge = (await request(`${stack.url}/v1/challenge`, { method: 'GET' })).body as Challenge;
  const payload = await solveChallenge(challenge);
  if (!payload) throw new Error('challenge not solvable');
  return payload;
}

/** Submits a question and expects 201 (solving one challenge when the server asks for it). */
export async function submit(stack: LocalStack, overrides: Record<string, unknown> = {}): Promise<Submitted> {
  const body = submission(overrides);
  let response = await request(`${stack.url}/v1/escalations`, { body });
  if (response.status === 428)
    response = await request(`${stack.url}/v1/escalations`, {
      body: { ...body, altcha: await solvedChallenge(stack) },
    });
  if (response.status !== 201)
    throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Submitted;
}

/**
 * Republishes the knowledge base with changed escalation settings (caps, retention). All test
 * clients come from 127.0.0.1 (one bucket): a test that raises the per-client cap also moves
 * the proof-of-work threshold up with it and gets one DPO notice per ticket (digestMinutes 0,
 * so it can follow each ticket's notice), unless it sets `challengeAfter`/`digestMinutes` itself.
 */
export async function setEscalationSettings(patch: Partial<Settings['escalation']>): Promise<void> {
  const snapshot = await loadPublished();
  if (!snapshot) throw new Error('no knowledge base');
  const lifted =
    patch.perClientDailyCap !== undefined && patch.challengeAfter === undefined
      ? {
          challengeAfter: patch.perClientDailyCap,
          globalDailyCap: patch.globalDailyCap ?? 1_000_000,
          digestMinutes: 0,
          challengeMaxNumber: 1000,
        }
      : {};
  await importKnowledge(snapshot.entries, {
    ...snapshot.settings,
    escalation: { ...snapshot.settings.escalation, ...lifted, ...patch },
  });
}

/** Authorization header for a staff member of the given groups. */
export async function staffHeaders(
  stack: LocalStack,
  sub: string,
  groups = ['dpo'],
): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await stack.issuer.sign({ sub, groups })}` };
}

/**
 * Makes the shared DynamoDB client fail like a throttled table: the next `count` commands
 * that `matches` (all by default) throw ProvisionedThroughputExceededException
 * before they reach the database. Returns a function that removes the fault.
 */
export function injectThrottling(
  count: number,
  matches: (commandName: string, input: Record<string, unknown>) => boolean = () => true,
): () => void {
  let remaining = count;
  const name = `throttle-${randomUUID()}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (remaining > 0 && matches(context.commandName ?? '', args.input as Record<string, unknown>)) {
        remaining -= 1;
        throw Object.assign(new Error('Throughput exceeds the current capacity of your table or index.'), {
          name: 'ProvisionedThroughputExceededException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        });
      }
      return next(args);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return () => {
    documentClient().middlewareStack.remove(name);
  };
}

/** Every item of the tickets table (tests only: a full scan). */
export async function allTicketItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: tableName('tickets'), ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Confirms a ticket's address the way a citizen does: opens the link from the confirmation
 * mail (a page with a button) and presses the button (a form POST). Resolves the final page.
 */
export async function confirmAddress(
  stack: LocalStack,
  ticketId: string,
): Promise<{ status: number; page: string }> {
  const mail = (await readOutbox(stack.spoolDir)).find((item) => item.file.includes(`${ticketId}-confirm`));
  const link = /https?:\/\/\S+\/confirm\?\S+/.exec(mail?.text ?? '')?.[0];
  if (!link) throw new Error(`no confirmation mail for ${ticketId}`);
  const page = await fetch(link);
  const html = await page.text();
  const code = /name="code" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const action = new URL(/action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '', link);
  const done = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code }).toString(),
  });
  return { status: done.status, page: await done.text() };
}
