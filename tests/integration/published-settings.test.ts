import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItem, putItem } from '../../functions/lib/adapters/dynamodb.ts';
import { publishedSettings } from '../../functions/lib/escalations/settings.ts';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { knowledgeKeys } from '../../functions/lib/knowledge/knowledge-table.ts';
import type { Settings } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge } from '../../functions/lib/knowledge/store.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { startTestStack } from '../support/stack.ts';

// The settings carry the learned counts (about 100 KB): escalation handlers read them again only
// when a publish changed the version, not on every request.
let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

const withCap = (settings: Settings, perClientDailyCap: number): Settings => ({
  ...settings,
  escalation: { ...settings.escalation, perClientDailyCap },
});

describe('the published settings of the escalation handlers', () => {
  it('are read again when a publish changed the version, and only then', async () => {
    const before = await publishedSettings();
    // A META item rewritten without a new version (no publish does that): still the settings read.
    const meta = await getItem('knowledge', knowledgeKeys.meta());
    if (!meta) throw new Error('no META item');
    await putItem('knowledge', { ...meta, pk: 'KB', sk: 'META', settings: withCap(before, 77) });
    expect((await publishedSettings()).escalation.perClientDailyCap).toBe(
      before.escalation.perClientDailyCap,
    );
    // A publish: a new version, and the new settings.
    const report = await loadKnowledgeDir();
    await importKnowledge(report.entries, withCap(before, 9));
    expect((await publishedSettings()).escalation.perClientDailyCap).toBe(9);
  });
});
