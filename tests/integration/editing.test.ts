import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, epochSeconds, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { type Entry, maxPhrasings } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge, loadPublished } from '../../functions/lib/knowledge/store.ts';
import { recordUnanswered } from '../../functions/lib/unanswered/report.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let erika: string;
let max: string;
let dpoOnly: string;

interface View {
  id: string;
  version: number;
  published: { entry: Entry; version: number } | null;
  draft: { entry?: Entry; deleted?: boolean; state: string; version: number; authors: string[] } | null;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const api = (path: string) => `${stack.url}${path}`;

async function entry(id: string, token = erika): Promise<View> {
  const response = await request(api(`/v1/knowledge/entries/${id}`), { headers: auth(token) });
  expect(response.status).toBe(200);
  return response.body as View;
}

async function save(id: string, content: Entry, version: number, token = erika) {
  return request(api(`/v1/knowledge/entries/${id}`), {
    method: 'PUT',
    body: { entry: content, version },
    headers: auth(token),
  });
}

async function action(id: string, name: string, version: number, token: string, extra: object = {}) {
  return request(api(`/v1/knowledge/entries/${id}/${name}`), {
    body: { version, ...extra },
    headers: auth(token),
  });
}

/** Saves, requests review (erika), approves (max) and publishes (erika); returns the publish response. */
async function saveAndPublish(id: string, content: Entry) {
  const current = await entry(id);
  const saved = await save(id, content, current.version);
  expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  const review = await action(id, 'request-review', (saved.body as View).version, erika);
  const approved = await action(id, 'approve', (review.body as View).version, max);
  expect(approved.status).toBe(200);
  return action(id, 'publish', (approved.body as View).version, erika);
}

async function askText(question: string, locale: 'de' | 'en' = 'de') {
  const response = await request(api('/v1/ask'), { body: { question, locale } });
  expect(response.status).toBe(200);
  return response.body as { status: string; answer?: { entryId: string; text: string } };
}

beforeAll(async () => {
  stack = await startTestStack();
  // Without the learned counts (112 KB that every load here reads again through the embedded
  // database): the publish gate matches without them anyway, and no test here asks what they
  // decide (tests/unit/learned.test.ts, matcher-patterns.test.ts do).
  const published = await loadPublished();
  if (!published) throw new Error('no knowledge base');
  await importKnowledge(published.entries, {
    ...published.settings,
    matcher: { ...published.settings.matcher, learned: undefined },
  });
  erika = await stack.issuer.sign({ sub: 'erika', groups: ['editor'] });
  max = await stack.issuer.sign({ sub: 'max', groups: ['editor'] });
  dpoOnly = await stack.issuer.sign({ sub: 'bettina', groups: ['dpo'] });
});

afterAll(async () => {
  await stack?.close();
});

describe('access (401/403)', () => {
  it('refuses requests without a valid token', async () => {
    expect((await request(api('/v1/knowledge/entries'))).status).toBe(401);
    const expired = await stack.issuer.sign({ sub: 'erika', groups: ['editor'], expiresInSeconds: -60 });
    expect((await request(api('/v1/knowledge/entries'), { headers: auth(expired) })).status).toBe(401);
  });

  it('a dpo-only token cannot read or edit the knowledge base', async () => {
    expect((await request(api('/v1/knowledge/entries'), { headers: auth(dpoOnly) })).status).toBe(403);
    const current = await entry('thanks');
    const response = await save('thanks', current.published?.entry as Entry, current.version, dpoOnly);
    expect(response.status).toBe(403);
    const publish = await action('thanks', 'publish', current.version, dpoOnly);
    expect(publish.status).toBe(403);
  });

  it('an editor-only token cannot read the DPO inbox', async () => {
    expect((await request(api('/v1/inbox'), { headers: auth(erika) })).status).toBe(403);
    expect((await request(api('/v1/inbox'), { headers: auth(dpoOnly) })).status).toBe(200);
  });

  it('the change log is public', async () => {
    expect((await request(api('/v1/changelog'))).status).toBe(200);
  });
});

describe('drafts', () => {
  it('lists entries with published and draft state side by side, and feedback counts', async () => {
    const response = await request(api('/v1/knowledge/entries'), { headers: auth(erika) });
    expect(response.status).toBe(200);
    const body = response.body as { fourEyes: boolean; entries: (View & { feedback: object })[] };
    expect(body.fourEyes).toBe(true);
    const item = body.entries.find((candidate) => candidate.id === 'what-happened');
    expect(item?.published?.entry.de.question).toBe('Was ist passiert?');
    expect(item?.draft).toBeNull();
    expect(item?.feedback).toEqual({ helpful: 0, notHelpful: 0 });
  });

  it('validates entries with the file schema and names the field', async () => {
    const current = await entry('passwords');
    const content = current.published?.entry as Entry;
    const empty = await save(
      'passwords',
      { ...content, de: { ...content.de, answer: ' ' } },
      current.version,
    );
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('de.answer');
    const unsafe = await save(
      'passwords',
      { ...content, en: { ...content.en, answer: 'see [here](javascript:alert(1))' } },
      current.version,
    );
    expect(unsafe.status).toBe(400);
    expect(JSON.stringify(unsafe.body)).toContain('en.answer');
    const related = await save('passwords', { ...content, related: ['no-such-entry'] }, current.version);
    expect(related.status).toBe(400);
    expect(JSON.stringify(related.body)).toContain('related.0');
    // A question cannot be both answered and declined by the knowledge base.
    const contradiction = await save(
      'passwords',
      { ...content, de: { ...content.de, notAnswered: [content.de.question] } },
      current.version,
    );
    expect(contradiction.status).toBe(400);
    expect(contradiction.body).toMatchObject({ error: { code: 'invalid_entry' } });
    expect(JSON.stringify(contradiction.body)).toContain('de.notAnswered.0');
  });

  it("refuses a review of a new phrasing that another entry declines, naming that entry's field", async () => {
    const current = await entry('verify-sender');
    const content = current.published?.entry as Entry;
    const declined = 'Wurden außer dem Mailserver noch andere Systeme gehackt?'; // what-happened's
    const saved = await save(
      'verify-sender',
      { ...content, de: { ...content.de, alternatives: [...content.de.alternatives, declined] } },
      current.version,
    );
    expect(saved.status).toBe(200);
    try {
      const review = await action('verify-sender', 'request-review', (saved.body as View).version, erika);
      expect(review.status).toBe(400);
      expect(review.body).toMatchObject({ error: { code: 'invalid_entry' } });
      expect(JSON.stringify(review.body)).toMatch(/what-happened\.de\.notAnswered\.\d+/);
    } finally {
      await request(
        api(`/v1/knowledge/entries/verify-sender/draft?version=${(saved.body as View).version}`),
        { method: 'DELETE', headers: auth(erika) },
      );
    }
    const wrongId = await save('passwords', { ...content, id: 'other' }, current.version);
    expect(wrongId.status).toBe(400);
    const noVersion = await request(api('/v1/knowledge/entries/passwords'), {
      method: 'PUT',
      body: { entry: content },
      headers: auth(erika),
    });
    expect(noVersion.status).toBe(400);
    const badId = await request(api('/v1/knowledge/entries/Not_An_Id'), { headers: auth(erika) });
    expect(badId.status).toBe(400);
  });

  it('optimistic locking: a stale version gets 409', async () => {
    const current = await entry('passwords');
    expect(current.version).toBe(0);
    const content = current.published?.entry as Entry;
    const first = await save('passwords', { ...content, de: { ...content.de, answer: 'Erste Fassung.' } }, 0);
    expect(first.status).toBe(200);
    expect((first.body as View).version).toBe(1);
    const stale = await save('passwords', { ...content, de: { ...content.de, answer: 'Veraltet.' } }, 0, max);
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { code: string } }).error.code).toBe('version_conflict');
    const second = await save(
      'passwords',
      { ...content, de: { ...content.de, answer: 'Zweite Fassung.' } },
      1,
      max,
    );
    expect(second.status).toBe(200);
    const view = await entry('passwords');
    expect(view.draft?.entry?.de.answer).toBe('Zweite Fassung.');
    expect(view.published?.entry.de.answer).not.toBe('Zweite Fassung.');
    expect(view.draft?.authors).toEqual(['erika', 'max']);
    expect((await action('passwords', 'request-review', 1, erika)).status).toBe(409);
    // Discard, so the entry is clean for later tests.
    const discarded = await request(api(`/v1/knowledge/entries/passwords/draft?version=${view.version}`), {
      method: 'DELETE',
      headers: auth(erika),
    });
    expect(discarded.status).toBe(200);
    expect((await entry('passwords')).draft).toBeNull();
  });

  it('creates a new entry as a draft with version 0', async () => {
    const created = await save(
      'new-topic',
      {
        id: 'new-topic',
        kind: 'faq',
        related: [],
        de: {
          question: 'Was ist das Zebra-Protokoll?',
          alternatives: [],
          keywords: [],
          answer: 'Antwort.',
          tests: [],
        },
        en: {
          question: 'What is the zebra protocol?',
          alternatives: [],
          keywords: [],
          answer: 'Answer.',
          tests: [],
        },
      },
      0,
    );
    expect(created.status).toBe(201);
    expect((await save('new-topic', (created.body as View).draft?.entry as Entry, 0)).status).toBe(409);
  });

  it('keeps sources and the DPO review flag through a draft, and refuses a malformed source by field', async () => {
    const current = await entry('gdpr-rights');
    const content = current.published?.entry as Entry;
    expect(content.needsReview).toBe(true);
    expect(content.sources?.some((source) => source.kind === 'law')).toBe(true);
    const badLink = await save(
      'gdpr-rights',
      { ...content, sources: [{ kind: 'law', article: 'Art. 15 DSGVO', url: 'javascript:alert(1)' }] },
      current.version,
    );
    expect(badLink.status).toBe(400);
    expect(JSON.stringify(badLink.body)).toContain('sources.0.url');

    const saved = await save(
      'gdpr-rights',
      { ...content, de: { ...content.de, answer: `${content.de.answer}\n\nErgänzung.` } },
      current.version,
    );
    expect(saved.status).toBe(200);
    const draft = (await entry('gdpr-rights')).draft?.entry;
    expect(draft?.sources).toEqual(content.sources);
    expect(draft?.needsReview).toBe(true);
    const discarded = await request(
      api(`/v1/knowledge/entries/gdpr-rights/draft?version=${(saved.body as View).version}`),
      { method: 'DELETE', headers: auth(erika) },
    );
    expect(discarded.status).toBe(200);
  });
});

describe('review and publish', () => {
  it('four-eyes: the author cannot approve their own change, and unapproved changes are not published', async () => {
    const current = await entry('what-happened');
    const content = current.published?.entry as Entry;
    const saved = await save(
      'what-happened',
      { ...content, de: { ...content.de, answer: 'Neue Fassung vom Abend: alles unter Kontrolle.' } },
      current.version,
    );
    const early = await action('what-happened', 'publish', (saved.body as View).version, erika);
    expect(early.status).toBe(409);
    expect((early.body as { error: { code: string } }).error.code).toBe('approval_required');
    const review = await action('what-happened', 'request-review', (saved.body as View).version, erika);
    expect((review.body as View).draft?.state).toBe('review');
    const own = await action('what-happened', 'approve', (review.body as View).version, erika);
    expect(own.status).toBe(403);
    expect((own.body as { error: { code: string } }).error.code).toBe('four_eyes');
    const approved = await action('what-happened', 'approve', (review.body as View).version, max);
    expect(approved.status).toBe(200);
    expect((approved.body as View).draft?.state).toBe('approved');
    // A later edit voids the approval.
    const edited = await save(
      'what-happened',
      { ...content, de: { ...content.de, answer: 'Neue Fassung vom Abend: alles unter Kontrolle.' } },
      (approved.body as View).version,
    );
    expect((edited.body as View).draft?.state).toBe('draft');
  });

  it('publishing makes /v1/ask serve the new answer at once, and writes history and change log', async () => {
    const current = await entry('what-happened');
    const review = await action('what-happened', 'request-review', current.version, erika);
    const approved = await action('what-happened', 'approve', (review.body as View).version, max);
    const published = await action('what-happened', 'publish', (approved.body as View).version, erika);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const answer = await askText('Was ist passiert?');
    expect(answer.answer?.entryId).toBe('what-happened');
    expect(answer.answer?.text).toBe('Neue Fassung vom Abend: alles unter Kontrolle.');
    const view = await entry('what-happened');
    expect(view.draft).toBeNull();

    const history = await request(api('/v1/knowledge/entries/what-happened/history'), { headers: auth(max) });
    const versions = (
      history.body as { versions: { version: number; authors: string[]; approver?: string; entry: Entry }[] }
    ).versions;
    expect(versions).toHaveLength(2);
    expect(versions[0]?.authors).toEqual(['erika']);
    expect(versions[0]?.approver).toBe('max');
    expect(versions[1]?.entry.de.answer).toContain('Sicherheitslücken im Exchange Server');
    expect(versions[0]?.version).toBe(view.published?.version);

    const changelog = await request(api('/v1/changelog'));
    const changes = (
      changelog.body as { changes: { entryId: string; change: string; question: { de: string } }[] }
    ).changes;
    expect(changes[0]).toMatchObject({
      entryId: 'what-happened',
      change: 'updated',
      question: { de: 'Was ist passiert?' },
    });
    expect(JSON.stringify(changelog.body)).not.toMatch(/erika|max/);
  });

  it('the publish gate refuses a change that breaks matching, with a report', async () => {
    const current = await entry('clicked-link');
    const content = current.published?.entry as Entry;
    const broken: Entry = {
      ...content,
      de: { ...content.de, question: 'Öffnungszeiten Bürgerbüro', alternatives: [], keywords: [] },
      en: { ...content.en, question: 'Opening hours of the citizens office', alternatives: [], keywords: [] },
    };
    const response = await saveAndPublish('clicked-link', broken);
    expect(response.status).toBe(422);
    const body = response.body as {
      error: { code: string; message: string };
      gate: {
        passed: boolean;
        newFailures: { expected: string }[];
        before: { accuracy: number };
        after: { accuracy: number };
      };
    };
    expect(body.error.code).toBe('gate_failed');
    expect(body.gate.passed).toBe(false);
    expect(body.gate.after.accuracy).toBeLessThan(body.gate.before.accuracy);
    expect(body.gate.newFailures.some((failure) => failure.expected === 'clicked-link')).toBe(true);
    // Nothing changed for citizens; the draft stays for the editors to fix.
    expect((await askText('Ich habe auf einen Link in der Mail geklickt')).answer?.entryId).toBe(
      'clicked-link',
    );
    const view = await entry('clicked-link');
    expect(view.draft?.state).toBe('approved');
    await request(api(`/v1/knowledge/entries/clicked-link/draft?version=${view.version}`), {
      method: 'DELETE',
      headers: auth(erika),
    });
  });

  it('rolls back to an earlier version as a new draft', async () => {
    const history = await request(api('/v1/knowledge/entries/what-happened/history'), {
      headers: auth(erika),
    });
    const original = (history.body as { versions: { version: number }[] }).versions[1];
    const current = await entry('what-happened');
    const rolled = await action('what-happened', 'rollback', current.version, erika, {
      toVersion: original?.version,
    });
    expect(rolled.status).toBe(200);
    const view = rolled.body as View;
    expect(view.draft?.state).toBe('draft');
    expect(view.draft?.entry?.de.answer).toContain('Sicherheitslücken im Exchange Server');
    const review = await action('what-happened', 'request-review', view.version, erika);
    const approved = await action('what-happened', 'approve', (review.body as View).version, max);
    expect((await action('what-happened', 'publish', (approved.body as View).version, max)).status).toBe(200);
    expect((await askText('Was ist passiert?')).answer?.text).toContain(
      'Sicherheitslücken im Exchange Server',
    );
    const after = await request(api('/v1/knowledge/entries/what-happened/history'), { headers: auth(erika) });
    expect((after.body as { versions: unknown[] }).versions).toHaveLength(3);
  });

  it('publishes a new entry and a deletion', async () => {
    const view = await entry('new-topic');
    const review = await action('new-topic', 'request-review', view.version, erika);
    const approved = await action('new-topic', 'approve', (review.body as View).version, max);
    expect((await action('new-topic', 'publish', (approved.body as View).version, max)).status).toBe(200);
    expect((await askText('Was ist das Zebra-Protokoll?')).answer?.entryId).toBe('new-topic');

    const current = await entry('new-topic');
    const deleted = await request(api(`/v1/knowledge/entries/new-topic?version=${current.version}`), {
      method: 'DELETE',
      headers: auth(erika),
    });
    expect(deleted.status).toBe(200);
    expect((deleted.body as View).draft?.deleted).toBe(true);
    const review2 = await action('new-topic', 'request-review', (deleted.body as View).version, erika);
    const approved2 = await action('new-topic', 'approve', (review2.body as View).version, max);
    expect((await action('new-topic', 'publish', (approved2.body as View).version, max)).status).toBe(200);
    expect((await askText('Was ist das Zebra-Protokoll?')).answer?.entryId).not.toBe('new-topic');
    expect((await request(api('/v1/knowledge/entries/new-topic'), { headers: auth(erika) })).status).toBe(
      404,
    );
    const changes = (await request(api('/v1/changelog'))).body as {
      changes: { entryId: string; change: string }[];
    };
    expect(changes.changes.slice(0, 2).map((change) => change.change)).toEqual(['deleted', 'created']);
  });

  it('with fourEyes off in the settings, one editor can publish alone', async () => {
    const snapshot = await loadPublished();
    if (!snapshot) throw new Error('no knowledge base');
    const { settings } = snapshot;
    await importKnowledge(snapshot.entries, {
      ...settings,
      publishing: { ...settings.publishing, fourEyes: false },
    });
    try {
      const current = await entry('thanks');
      const content = current.published?.entry as Entry;
      const saved = await save(
        'thanks',
        { ...content, en: { ...content.en, answer: 'You are welcome!' } },
        current.version,
      );
      const published = await action('thanks', 'publish', (saved.body as View).version, erika);
      expect(published.status).toBe(200);
    } finally {
      const latest = await loadPublished();
      if (latest) await importKnowledge(latest.entries, settings);
    }
  });

  it('tries a question against the draft and the published knowledge base', async () => {
    const current = await entry('goodbye');
    const content = current.published?.entry as Entry;
    await save(
      'goodbye',
      {
        ...content,
        de: { ...content.de, alternatives: [...content.de.alternatives, 'Feierabend für heute'] },
      },
      current.version,
    );
    const response = await request(api('/v1/knowledge/try'), {
      body: { question: 'Feierabend für heute', locale: 'de' },
      headers: auth(erika),
    });
    expect(response.status).toBe(200);
    const body = response.body as {
      published: { status: string };
      draft: { status: string; answer?: { entryId: string } };
    };
    expect(body.draft.answer?.entryId).toBe('goodbye');
    expect(body.published.status).not.toBe('answer');
  });
});

describe('unanswered questions', () => {
  const personal =
    'Ich heiße Erika Mustermann, erika.m@example.org, Tel. 0171 2345678, IBAN DE89 3704 0044 0532 0130 00: zahlt die Stadt Schadenersatz für Hundefutter?';

  it('records unanswered questions anonymised, with a TTL from the settings', async () => {
    const startedAt = new Date().toISOString();
    const answer = await askText(personal);
    expect(answer.status).not.toBe('answer');
    await askText('Zahlt die Stadt Schadenersatz für Hundefutter?');
    await askText('Zahlt die Stadt Schadenersatz für Hundefutter, Frau Schulz?');
    const stored = await documentClient().send(
      new QueryCommand({
        TableName: tableName('analytics'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'UNANSWERED' },
      }),
    );
    const items = stored.Items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);
    const raw = JSON.stringify(items);
    for (const secret of ['Mustermann', 'erika.m', '2345678', 'DE89', '3704', 'Schulz'])
      expect(raw).not.toContain(secret);
    // TTL: exactly unanswered.retentionDays (7) after the question was asked.
    for (const item of items) {
      expect(item.expiresAt).toBe(epochSeconds(new Date(String(item.at))) + 7 * 86_400);
    }
    const recent = items.filter((item) => String(item.at) >= startedAt);
    expect(recent).toHaveLength(3);
    const ttl = items.find((item) => String(item.text).includes('[IBAN]'));
    expect(ttl?.text).toContain('[E-Mail]');
    expect(ttl?.text).toContain('[Telefon]');
    expect(ttl?.text).toContain('[Name]');
    expect(ttl?.text).toContain('Schadenersatz');
  });

  it('groups similar questions, counts them and ignores expired ones', async () => {
    await documentClient().send(
      new PutCommand({
        TableName: tableName('analytics'),
        Item: {
          pk: 'UNANSWERED',
          sk: `${new Date().toISOString()}#expired`,
          text: 'Abgelaufene Frage zur Müllabfuhr',
          locale: 'de',
          status: 'none',
          at: new Date().toISOString(),
          expiresAt: epochSeconds() - 10,
        },
      }),
    );
    const response = await request(api('/v1/knowledge/unanswered'), { headers: auth(erika) });
    expect(response.status).toBe(200);
    const groups = (
      response.body as { groups: { id: string; text: string; count: number; examples: string[] }[] }
    ).groups;
    expect(JSON.stringify(groups)).not.toContain('Müllabfuhr');
    const damages = groups.find((group) => group.text.includes('Hundefutter'));
    expect(damages?.count).toBe(3);
    expect(JSON.stringify(groups)).not.toContain('Mustermann');
    expect((await request(api('/v1/knowledge/unanswered'), { headers: auth(dpoOnly) })).status).toBe(403);
  });

  it('turns a group into a new draft entry', async () => {
    const report = await request(api('/v1/knowledge/unanswered'), { headers: auth(erika) });
    const group = (report.body as { groups: { id: string; text: string }[] }).groups.find((candidate) =>
      candidate.text.includes('Hundefutter'),
    );
    const response = await request(api(`/v1/knowledge/unanswered/${group?.id}/to-draft`), {
      body: {},
      headers: auth(erika),
    });
    expect(response.status).toBe(201);
    const view = response.body as View;
    expect(view.draft?.entry?.de.question).toContain('Hundefutter');
    expect(view.draft?.entry?.en.question).toContain('[Translation missing]');
    expect(view.draft?.state).toBe('draft');
    const after = await request(api('/v1/knowledge/unanswered'), { headers: auth(erika) });
    expect(JSON.stringify(after.body)).not.toContain('Hundefutter');
  });

  it('adds a group as alternative phrasings of an existing entry', async () => {
    await askText('Gibt es Sprechzeiten beim Datenschutz?');
    const report = await request(api('/v1/knowledge/unanswered'), { headers: auth(erika) });
    const group = (report.body as { groups: { id: string; text: string }[] }).groups.find((candidate) =>
      candidate.text.includes('Sprechzeiten'),
    );
    expect(group).toBeDefined();
    const response = await request(api(`/v1/knowledge/unanswered/${group?.id}/to-alternatives`), {
      body: { entryId: 'contact-dpo' },
      headers: auth(erika),
    });
    expect(response.status).toBe(200);
    expect((response.body as View).draft?.entry?.de.alternatives).toContain(
      'Gibt es Sprechzeiten beim Datenschutz?',
    );
    const missing = await request(api('/v1/knowledge/unanswered/0123456789abcdef/to-draft'), {
      body: {},
      headers: auth(erika),
    });
    expect(missing.status).toBe(404);
  });

  it('keeps the eval cases of the settings in the table for the gate', async () => {
    const item = await documentClient().send(
      new GetCommand({ TableName: tableName('knowledge'), Key: { pk: 'KB', sk: 'EVAL' } }),
    );
    expect(((item.Item?.cases ?? []) as unknown[]).length).toBeGreaterThan(50);
  });
});

describe('adding phrasings to an entry that has the most it may have', () => {
  const id = 'phrasing-cap';
  // 8 x 10 = 80 distinct phrasings without digits or names (nothing the anonymiser would change).
  const places = ['Flur', 'Keller', 'Dachboden', 'Garten', 'Hof', 'Saal', 'Turm', 'Stall'];
  const states = ['hell', 'dunkel', 'laut', 'leise', 'warm', 'kalt', 'nass', 'trocken', 'alt', 'neu'];
  const full = places.flatMap((place) => states.map((state) => `Ist der ${place} ${state}?`));
  const newQuestion = 'Wie viele Fenster hat der Leuchtturm am Deich?';
  // "Ist der Flur hell?" as a citizen might type it.
  const known = 'ist der flur hell?';
  const content = (alternatives: string[]): Entry => ({
    id,
    kind: 'faq',
    related: [],
    de: { question: 'Wie ist das Haus am Deich?', alternatives, keywords: [], answer: 'Gut.', tests: [] },
    en: {
      question: 'What is the house on the dike like?',
      alternatives: [],
      keywords: [],
      answer: 'Fine.',
      tests: [],
    },
  });

  interface Group {
    id: string;
    examples: string[];
  }
  async function groupOf(question: string): Promise<Group | undefined> {
    const report = await request(api('/v1/knowledge/unanswered'), { headers: auth(erika) });
    expect(report.status).toBe(200);
    return (report.body as { groups: Group[] }).groups.find((group) => group.examples.includes(question));
  }
  async function unanswered(question: string): Promise<Group> {
    await recordUnanswered(question, 'de', 'none', { retentionDays: 7, newPerBucketDaily: 100 });
    const group = await groupOf(question);
    expect(group, question).toBeDefined();
    return group as Group;
  }
  const addTo = (group: Group) =>
    request(api(`/v1/knowledge/unanswered/${group.id}/to-alternatives`), {
      body: { entryId: id },
      headers: auth(erika),
    });

  beforeAll(async () => {
    expect(full).toHaveLength(maxPhrasings);
    expect(new Set(full).size).toBe(maxPhrasings);
    const created = await save(id, content(full), 0);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });

  afterAll(async () => {
    // The draft goes again: the other tests' quality checks start from the published entries.
    const { version } = await entry(id);
    const removed = await request(api(`/v1/knowledge/entries/${id}/draft?version=${version}`), {
      method: 'DELETE',
      headers: auth(erika),
    });
    expect(removed.status).toBe(200);
  });

  it('refuses a new phrasing with too_many_phrasings, says the figures, and changes nothing', async () => {
    const before = await entry(id);
    expect(before.draft?.entry?.de.alternatives).toHaveLength(maxPhrasings);
    const group = await unanswered(newQuestion);
    const response = await addTo(group);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      error: { code: 'too_many_phrasings' },
      phrasings: { count: 80, adding: 1, limit: 80 },
    });
    const { message } = (response.body as { error: { message: string } }).error;
    expect(message).toContain('already has 80 other phrasings');
    expect(message).toContain('limit of 80');
    expect(message).toContain('Remove or merge phrasings first');
    // Nothing was lost: the draft is as it was, and the group is still in the report.
    const after = await entry(id);
    expect(after.version).toBe(before.version);
    expect(after.draft).toEqual(before.draft);
    expect(after.draft?.entry?.de.alternatives).toEqual(full);
    expect(await groupOf(newQuestion)).toBeDefined();
  });

  it('accepts a group of only phrasings the entry already has (any case)', async () => {
    const before = await entry(id);
    expect(full).toContain('Ist der Flur hell?');
    const group = await unanswered(known);
    const response = await addTo(group);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((response.body as View).draft?.entry?.de.alternatives).toEqual(full);
    expect((await entry(id)).draft?.entry?.de.alternatives).toEqual(before.draft?.entry?.de.alternatives);
    expect(await groupOf(known)).toBeUndefined();
  });

  it('takes the refused group once a phrasing was removed (79 + 1 is the most)', async () => {
    const current = await entry(id);
    const trimmed = await save(id, content(full.slice(1)), current.version);
    expect(trimmed.status, JSON.stringify(trimmed.body)).toBe(200);
    const group = await groupOf(newQuestion);
    expect(group).toBeDefined();
    const response = await addTo(group as Group);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((response.body as View).draft?.entry?.de.alternatives).toEqual([...full.slice(1), newQuestion]);
    expect(await groupOf(newQuestion)).toBeUndefined();
  });
});

describe('review that people can follow', () => {
  type ReviewView = View & {
    draft: { byYou: boolean; reviewRequestedAt?: string; check?: { passed: boolean; after: object } } | null;
    published: { entry: Entry; version: number; publishedAt?: string } | null;
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

  it('when a draft was never sent for review › approving it is refused with not_in_review', async () => {
    const current = await entry('is-it-safe-now');
    const content = current.published?.entry as Entry;
    const saved = await save(
      'is-it-safe-now',
      { ...content, de: { ...content.de, answer: `${content.de.answer}\n\nNachtrag.` } },
      current.version,
    );
    const approved = await action('is-it-safe-now', 'approve', (saved.body as View).version, max);
    expect(approved.status).toBe(409);
    expect((approved.body as { error: { code: string } }).error.code).toBe('not_in_review');
    expect((await entry('is-it-safe-now')).draft?.state).toBe('draft');
    // Asking twice for a review is refused too: the request is already with the reviewers.
    const review = await action('is-it-safe-now', 'request-review', (saved.body as View).version, erika);
    const again = await action('is-it-safe-now', 'request-review', (review.body as View).version, erika);
    expect((again.body as { error: { code: string } }).error.code).toBe('wrong_status');
    await request(
      api(`/v1/knowledge/entries/is-it-safe-now/draft?version=${(review.body as View).version}`),
      {
        method: 'DELETE',
        headers: auth(erika),
      },
    );
  });

  it('when a review is requested › the reviewer sees the time and the quality check, and who wrote it', async () => {
    const current = await entry('measures-taken');
    const content = current.published?.entry as Entry;
    const saved = await save(
      'measures-taken',
      { ...content, de: { ...content.de, answer: `${content.de.answer}\n\nErgänzung vom Abend.` } },
      current.version,
    );
    const review = await action('measures-taken', 'request-review', (saved.body as View).version, erika);
    const byAuthor = review.body as ReviewView;
    expect(byAuthor.draft?.byYou).toBe(true);
    expect(byAuthor.draft?.reviewRequestedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(byAuthor.draft?.check?.passed).toBe(true);
    const byReviewer = (await entry('measures-taken', max)) as ReviewView;
    expect(byReviewer.draft?.byYou).toBe(false);
    expect(byReviewer.draft?.authors).toEqual(['erika']);
    expect(JSON.stringify(byReviewer)).not.toContain('authorSubs');
  });

  it('when an edit is published › the Stand becomes today and versions count 1, 2 from the files', async () => {
    const current = (await entry('measures-taken', max)) as ReviewView;
    const approved = await action('measures-taken', 'approve', current.version, max);
    const published = await action('measures-taken', 'publish', (approved.body as View).version, max);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await entry('measures-taken')).published?.entry.reviewedAt).toBe(today);
    const history = await request(api('/v1/knowledge/entries/measures-taken/history'), {
      headers: auth(max),
    });
    const versions = (
      history.body as { versions: { number: number; origin: string; authors: string[]; current: boolean }[] }
    ).versions;
    expect(versions.map((version) => [version.number, version.origin, version.current])).toEqual([
      [2, 'editor', true],
      [1, 'files', false],
    ]);
    expect(versions[1]?.authors).toEqual([]);
  });

  it('when only the wording changed › publishing keeps the Stand if asked to', async () => {
    const before = await request(api('/v1/knowledge/entries/why-notified/history'), { headers: auth(max) });
    expect((before.body as { versions: { number: number; origin: string }[] }).versions).toMatchObject([
      { number: 1, origin: 'files' },
    ]);
    const current = await entry('why-notified');
    const content = current.published?.entry as Entry;
    const saved = await save(
      'why-notified',
      { ...content, de: { ...content.de, answer: `${content.de.answer} Sprachlich überarbeitet.` } },
      current.version,
    );
    const review = await action('why-notified', 'request-review', (saved.body as View).version, erika);
    const approved = await action('why-notified', 'approve', (review.body as View).version, max);
    const published = await action('why-notified', 'publish', (approved.body as View).version, max, {
      keepReviewedAt: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await entry('why-notified')).published?.entry.reviewedAt).toBe(content.reviewedAt);
  });
});
