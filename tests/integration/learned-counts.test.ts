import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItem, putItem } from '../../functions/lib/adapters/dynamodb.ts';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { knowledgeKeys } from '../../functions/lib/knowledge/knowledge-table.ts';
import {
  importKnowledge,
  loadPublished,
  readLearned,
  writeLearned,
} from '../../functions/lib/knowledge/store.ts';
import { withoutLearned } from '../../functions/lib/matcher/learned.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { startTestStack } from '../support/stack.ts';

// The learned counts are an item of their own (KB / LEARNED), beside META's settings: together
// they came near the 400 KB a DynamoDB item may hold (round 28).
let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('the learned counts in the knowledge table', () => {
  it('are stored apart from the settings and added to them when the knowledge base is loaded', async () => {
    const report = await loadKnowledgeDir();
    const shipped = report.settings?.matcher.learned;
    if (!report.settings || !shipped) throw new Error('the shipped knowledge base has learned counts');
    await importKnowledge(report.entries, report.settings);
    const meta = (await getItem('knowledge', knowledgeKeys.meta())) as { settings: typeof report.settings };
    expect(meta.settings.matcher.learned).toBeUndefined();
    expect(await readLearned()).toEqual(shipped);
    expect((await loadPublished())?.settings.matcher.learned).toEqual(shipped);
    // Written only when they changed.
    expect(await writeLearned(shipped)).toBe(false);
  });

  it('are removed when a knowledge base without counts is imported', async () => {
    const report = await loadKnowledgeDir();
    if (!report.settings) throw new Error('settings missing');
    await importKnowledge(report.entries, withoutLearned(report.settings));
    expect(await getItem('knowledge', knowledgeKeys.learned())).toBeUndefined();
    expect((await loadPublished())?.settings.matcher.learned).toBeUndefined();
    await importKnowledge(report.entries, report.settings);
  });

  it("are still found in META's settings of a table imported before they moved", async () => {
    const report = await loadKnowledgeDir();
    const shipped = report.settings?.matcher.learned;
    if (!shipped) throw new Error('the shipped knowledge base has learned counts');
    const meta = (await getItem('knowledge', knowledgeKeys.meta())) as Record<string, unknown> & {
      settings: NonNullable<typeof report.settings>;
    };
    await writeLearned(undefined);
    await putItem('knowledge', {
      ...meta,
      pk: 'KB',
      sk: 'META',
      settings: { ...meta.settings, matcher: { ...meta.settings.matcher, learned: shipped } },
    });
    expect((await loadPublished())?.settings.matcher.learned).toEqual(shipped);
  });
  it('take precedence over counts left in META, and an unreadable item leaves the matcher without them', async () => {
    const report = await loadKnowledgeDir();
    const shipped = report.settings?.matcher.learned;
    if (!report.settings || !shipped) throw new Error('the shipped knowledge base has learned counts');
    await importKnowledge(report.entries, report.settings);
    const meta = (await getItem('knowledge', knowledgeKeys.meta())) as Record<string, unknown> & {
      settings: NonNullable<typeof report.settings>;
    };
    const older = { ...shipped, confidence: 0.5 };
    await putItem('knowledge', {
      ...meta,
      pk: 'KB',
      sk: 'META',
      settings: { ...meta.settings, matcher: { ...meta.settings.matcher, learned: older } },
    });
    expect((await loadPublished())?.settings.matcher.learned?.confidence).toBe(shipped.confidence);
    await putItem('knowledge', { ...knowledgeKeys.learned(), counts: '{"confidence": "not a number"' });
    expect(await readLearned()).toBeUndefined();
    await putItem('knowledge', { ...knowledgeKeys.learned(), counts: '{"confidence": "not a number"}' });
    expect(await readLearned()).toBeUndefined();
    await importKnowledge(report.entries, report.settings);
    expect(await readLearned()).toEqual(shipped);
  });
});
