import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BatchWriteIncompleteError,
  batchWrite,
  documentClient,
  isConditionFailure,
  type WriteRequest,
} from '../../functions/lib/adapters/dynamodb.ts';

// The SDK is mocked only to inject the fault (unprocessed items); the real batching runs.
const put = (sk: string): WriteRequest => ({ PutRequest: { Item: { pk: 'P', sk } } });

beforeEach(() => {
  process.env.KNOWLEDGE_TABLE = 'test-knowledge';
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.KNOWLEDGE_TABLE;
});

function answer(unprocessed: (batch: WriteRequest[], call: number) => WriteRequest[]) {
  const batches: WriteRequest[][] = [];
  vi.spyOn(documentClient(), 'send').mockImplementation((async (command: {
    input: { RequestItems: Record<string, WriteRequest[]> };
  }) => {
    const batch = command.input.RequestItems['test-knowledge'] ?? [];
    batches.push(batch);
    const left = unprocessed(batch, batches.length);
    return { UnprocessedItems: left.length ? { 'test-knowledge': left } : {} };
  }) as never);
  return batches;
}

describe('batchWrite', () => {
  it('when given 60 requests › sends batches of at most 25', async () => {
    const batches = answer(() => []);
    await batchWrite(
      'knowledge',
      Array.from({ length: 60 }, (_, index) => put(String(index))),
    );
    expect(batches.map((batch) => batch.length)).toEqual([25, 25, 10]);
  });

  it('when DynamoDB returns unprocessed items › retries only those until done', async () => {
    const batches = answer((batch, call) => (call === 1 ? batch.slice(1) : []));
    await batchWrite('knowledge', [put('a'), put('b'), put('c')], { baseDelayMs: 0 });
    expect(batches).toEqual([
      [put('a'), put('b'), put('c')],
      [put('b'), put('c')],
    ]);
  });

  it('when items stay unprocessed after every attempt › throws instead of giving up silently', async () => {
    const batches = answer((batch) => batch);
    const write = batchWrite('knowledge', [put('a'), put('b')], { baseDelayMs: 0, maxAttempts: 3 });
    await expect(write).rejects.toBeInstanceOf(BatchWriteIncompleteError);
    await expect(write).rejects.toThrow(/2 requests unprocessed/);
    expect(batches).toHaveLength(3);
  });
});

describe('isConditionFailure', () => {
  it('recognises only a refused condition', () => {
    const refused = Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
    });
    expect(isConditionFailure(refused)).toBe(true);
    expect(isConditionFailure(new Error('ThrottlingException'))).toBe(false);
    expect(isConditionFailure('ConditionalCheckFailedException')).toBe(false);
  });
});
