import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dashboardRetentionDays } from '../../functions/lib/dashboard/counters.ts';
import { pointInTimeRecoveryDays } from '../../functions/lib/definitions/tables.ts';
import { ticketBookkeeping } from '../../functions/lib/escalations/retention.ts';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';

const page = () => readFile(new URL('../../web/public/privacy.html', import.meta.url), 'utf8');

/** The figure each `data-setting` of the page must show, from the settings and the code. */
async function expectedFigures(): Promise<Record<string, number>> {
  const { settings } = await loadKnowledgeDir();
  if (!settings) throw new Error('settings invalid');
  return {
    'unanswered.retentionDays': settings.unanswered.retentionDays,
    'escalation.retentionDays': settings.escalation.retentionDays,
    'escalation.autoCloseDays': settings.escalation.autoCloseDays,
    'feedback.voteTokenHours': settings.feedback.voteTokenHours,
    'tickets.idempotencyHours': ticketBookkeeping.idempotencyHours,
    'tickets.counterDays': ticketBookkeeping.counterDays,
    'backup.pointInTimeRecoveryDays': pointInTimeRecoveryDays,
    'dashboard.retentionDays': dashboardRetentionDays,
  };
}

describe('privacy notice', () => {
  it('when the notice states a retention period › it is the one in the settings (German and English)', async () => {
    const html = await page();
    const expected = await expectedFigures();
    const stated = [...html.matchAll(/<data data-setting="([\w.]+)" value="(\d+)">(\d+)<\/data>/g)];
    expect(stated.length).toBeGreaterThanOrEqual(14);
    for (const [, key = '', value, text] of stated) {
      expect(expected, `unknown figure ${key}`).toHaveProperty([key]);
      expect({ key, value: Number(value), text: Number(text) }).toEqual({
        key,
        value: expected[key],
        text: expected[key],
      });
    }
    // Every figure is stated in both languages.
    for (const key of Object.keys(expected)) {
      const german = html.slice(0, html.indexOf('id="english"'));
      const english = html.slice(html.indexOf('id="english"'));
      expect(german, key).toContain(`data-setting="${key}"`);
      expect(english, key).toContain(`data-setting="${key}"`);
    }
  });

  it('states no period outside a checked figure', async () => {
    const text = (await page()).replace(/<data data-setting[^>]*>\d+<\/data>/g, 'N');
    const bare = text.match(/\b\d+\s*(?:Tage|Tagen|Stunden|Wochen|Monate|days|hours|weeks|months)\b/g);
    expect(bare).toBeNull();
  });
});
