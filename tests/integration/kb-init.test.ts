import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { confirmAddress, staffHeaders, submission } from '../support/escalations.ts';
import { fillFictionalTown } from '../support/fictional-town.ts';
import { runKb as kb } from '../support/kb.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';
import { removeTempDir } from '../support/temp-dir.ts';

/**
 * "A new incident in an hour": `kb init` makes a knowledge base from the template, the fixture
 * of a fictional town (tests/fixtures/fictional-town) fills every TODO, `kb validate` accepts
 * it, a fresh local stack imports it, and each topic answers. Nothing of Strasburg may show:
 * not in answers, the widget's town, the served pages and scripts, or the mails.
 */

const root = path.resolve(import.meta.dirname, '../..');
// `kb init` and `kb validate` run in-process (each names its folder with --dir); the real
// `npm run kb` process is tested end to end in kb-cli.test.ts.
const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };

/** Strasburg's traces: its names, its domains and its data protection officers. */
const strasburg = [/strasburg/i, /uckermark/i, /ego-mv/i, /\bamon\b/i, /\bschulz\b/i];
const tracesIn = (text: string) => strasburg.filter((pattern) => pattern.test(text)).map(String);

/** One question per topic, as a citizen of the fictional town might ask it. */
const questions: [entryId: string, question: string, locale: 'de' | 'en'][] = [
  ['what-happened', 'Was ist eigentlich passiert?', 'de'],
  ['affected-data', 'Welche Daten könnten betroffen sein?', 'de'],
  ['data-leaked', 'Wurden Daten gestohlen?', 'de'],
  ['am-i-affected', 'Bin ich betroffen?', 'de'],
  ['attackers', 'Wer steckt hinter dem Angriff?', 'de'],
  ['when-informed', 'Wann war der Angriff?', 'de'],
  ['why-notified', 'Warum werde ich informiert?', 'de'],
  ['measures-taken', 'Welche Maßnahmen wurden ergriffen?', 'de'],
  ['is-it-safe-now', 'Ist das Problem behoben?', 'de'],
  ['vulnerability', 'Welche Sicherheitslücke wurde ausgenutzt?', 'de'],
  ['what-is-phishing', 'Was bedeutet Phishing?', 'de'],
  ['recognize-phishing', 'Woran erkenne ich eine gefälschte E-Mail?', 'de'],
  ['suspicious-email', 'Was mache ich mit einer verdächtigen Mail?', 'de'],
  ['clicked-link', 'Ich habe auf den Link geklickt, was jetzt?', 'de'],
  ['verify-sender', 'Wie finde ich heraus, ob der Absender echt ist?', 'de'],
  ['report-phishing', 'Wem kann ich eine Phishing-Mail melden?', 'de'],
  ['phishing-risk', 'Bekomme ich jetzt Spam?', 'de'],
  ['passwords', 'Soll ich mein Passwort wechseln?', 'de'],
  ['contact-dpo', 'How do I reach the data protection officer?', 'en'],
  ['ask-human', 'Kann ich mit einem Menschen sprechen?', 'de'],
  ['gdpr-rights', 'What are my rights under the GDPR?', 'en'],
  ['bot-identity', 'Bist du ein Bot?', 'de'],
  ['greeting', 'Guten Tag', 'de'],
  ['thanks', 'Vielen Dank', 'de'],
  ['goodbye', 'Auf Wiedersehen', 'de'],
];

let tempRoot: string | undefined;
let dir: string;
let stack: LocalStack;
let initOutput: string;
let unfilledProblems: string;

beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), 'faq-init-'));
  dir = path.join(tempRoot, 'beispielstedt');
  initOutput = (await kb('init', '--dir', dir)).stdout;
  unfilledProblems = await kb('validate', '--dir', dir).then(
    () => '',
    (error) => failure(error).stderr,
  );
  await fillFictionalTown(dir);
  stack = await startTestStack({ knowledgeDir: dir });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await removeTempDir(tempRoot);
});

describe('npm run kb -- init', () => {
  it('writes the template and prints the next steps', async () => {
    expect(initOutput).toContain('TODO marker(s)');
    expect(initOutput).toContain(`kb -- validate --dir ${dir}`);
    expect(initOutput).toContain(`KNOWLEDGE_DIR=${dir}`);
    const entries = (await readdir(path.join(dir, 'entries'))).sort();
    expect(entries).toHaveLength(questions.length);
    expect(entries).toEqual(questions.map(([id]) => `${id}.yaml`).sort());
  });

  it('refuses a folder that is not empty', async () => {
    const error = await kb('init', '--dir', dir).then(() => undefined, failure);
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain('is not empty');
  });

  it('leaves TODOs that validate reports with file and line until they are filled', async () => {
    expect(unfilledProblems).toMatch(/settings\.yaml {2}line \d+: TODO left: name: "TODO/);
    expect(unfilledProblems).toMatch(/entries\/what-happened\.yaml {2}line \d+: TODO left/);
    expect(unfilledProblems).toMatch(/sources\/notice\.txt {2}line 1: TODO left/);
    const { stdout } = await kb('validate', '--dir', dir);
    expect(stdout).toContain(`OK: ${questions.length} entries and settings are valid.`);
  });
});

describe('the filled knowledge base of a fictional town', () => {
  it.each(questions)('answers %s (%s)', async (entryId, question, locale) => {
    const response = await request(`${stack.url}/v1/ask`, { body: { question, locale } });
    expect(response.status).toBe(200);
    const body = response.body as { status: string; answer?: { entryId: string; text: string } };
    expect({ status: body.status, entryId: body.answer?.entryId }).toEqual({ status: 'answer', entryId });
    expect(tracesIn(JSON.stringify(body))).toEqual([]);
  });

  it("names the town, its DPO and its colour in the widget's starters response, nothing of Strasburg", async () => {
    for (const locale of ['de', 'en']) {
      const response = await request(`${stack.url}/v1/starters?locale=${locale}`, { method: 'GET' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        town: {
          name: 'Gemeinde Beispielstedt',
          nameEn: 'the municipality of Beispielstedt',
          dpo: { name: 'Jonas Feldmann', email: 'datenschutz@beispielstedt.example' },
          colors: { primary: '#7a1f5c' },
        },
      });
      expect(tracesIn(JSON.stringify(response.body))).toEqual([]);
    }
  });

  it('serves pages, styles and scripts with the town and nothing of Strasburg', async () => {
    const paths = ['/', '/privacy', '/accessibility', '/inbox', '/editor', '/dashboard', '/site.css'];
    const scripts = (await readdir(path.join(root, 'web'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !['public', 'shared'].includes(entry.name))
      .map((entry) => `/${entry.name}.js`);
    expect(scripts).toContain('/widget.js');
    for (const page of [...paths, ...scripts]) {
      const response = await fetch(`${stack.url}${page}`);
      expect(response.status, page).toBe(200);
      const text = await response.text();
      expect(tracesIn(text), page).toEqual([]);
      expect(text, page).not.toMatch(/\{\{/);
    }
    const privacy = await (await fetch(`${stack.url}/privacy`)).text();
    expect(privacy).toContain('Gemeinde Beispielstedt');
    expect(privacy).toContain('mailto:datenschutz@beispielstedt.example');
    expect(privacy).toContain('Die Landesbeauftragte für den Datenschutz Nordland');
    expect(await (await fetch(`${stack.url}/accessibility`)).text()).toContain('des Landes Nordland');
    expect(await (await fetch(`${stack.url}/site.css`)).text()).toContain('--town-primary: #7a1f5c');
  });

  it('sends the mails of a forwarded question from the town, to its DPO, with nothing of Strasburg', async () => {
    const body = submission({ email: 'citizen@example.org', question: 'Wann kommt mein Brief?' });
    const submitted = await request(`${stack.url}/v1/escalations`, { body });
    expect(submitted.status).toBe(201);
    const { ticketId } = submitted.body as { ticketId: string };
    await stack.streams.drain();
    expect((await confirmAddress(stack, ticketId)).status).toBe(200);
    const headers = await staffHeaders(stack, 'jonas');
    await request(`${stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers });
    const answered = await request(`${stack.url}/v1/inbox/${ticketId}/answer`, {
      body: { text: 'Die Briefe gehen in den nächsten Wochen hinaus.' },
      headers,
    });
    expect(answered.status).toBe(200);
    await stack.streams.drain();

    // This stack's outbox holds only this test's mails: the confirmation, the answer and the
    // DPO's notice (a digest with the count of new questions, settings escalation.digestMinutes).
    const mails = await readOutbox(stack.spoolDir);
    for (const kind of [`${ticketId}-confirm`, `${ticketId}-answer`])
      expect(
        mails.some((mail) => mail.file.includes(kind)),
        kind,
      ).toBe(true);
    const notice = mails.find((mail) => /dpo-(notice|digest)/.test(mail.file));
    expect(notice?.headers.to).toBe('datenschutz@beispielstedt.example');
    expect(notice?.headers.from).toBe('no-reply@beispielstedt.example');
    expect(notice?.text).toContain('Gemeinde Beispielstedt');
    // Decoded too: a trace could hide in base64 or quoted-printable.
    for (const mail of mails) {
      const all = [mail.raw, mail.text, mail.html ?? '', JSON.stringify(mail.headers)].join('\n');
      expect(tracesIn(all), mail.file).toEqual([]);
    }
  });
});
