import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import type { Settings } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge, loadPublished } from '../../functions/lib/knowledge/store.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
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

/** Submits a question and expects 201. */
export async function submit(stack: LocalStack, overrides: Record<string, unknown> = {}): Promise<Submitted> {
  const response = await request(`${stack.url}/v1/escalations`, { body: submission(overrides) });
  if (response.status !== 201)
    throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Submitted;
}

/** Republishes the knowledge base with changed escalation settings (caps, retention). */
export async function setEscalationSettings(patch: Partial<Settings['escalation']>): Promise<void> {
  const snapshot = await loadPublished();
  if (!snapshot) throw new Error('no knowledge base');
  await importKnowledge(snapshot.entries, {
    ...snapshot.settings,
    escalation: { ...snapshot.settings.escalation, ...patch },
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
