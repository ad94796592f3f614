// One module on purpose (~330 lines): the single zod definition of the knowledge base's format
// (entries and settings); every type derives from it, so its rules stay side by side.
import * as z from 'zod';
import { caseFree } from '../matcher/phrases.ts';
import {
  analyses,
  defaultLocales,
  type Language,
  type Locale,
  type LocaleConfig,
  languages,
  readabilityRules,
} from './locales.ts';
import { townSchema } from './town.ts';

export { type Language, type Locale, type LocaleConfig, languages };
export const languageSchema = z.enum(languages);

/** A BCP 47 tag as the settings may name a locale: `de`, `pl`, `de-x-ls`, `pt-BR`. */
export const localeTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'use a BCP 47 tag such as "pl" or "de-x-ls"')
  .max(35);

export const entryIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens (kebab-case)')
  .max(64);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Markdown links and autolinks: every target must be https: or mailto:. */
const linkTarget = /\]\(\s*<?([^)\s>]*)|<((?:[a-z][a-z0-9+.-]*):[^>\s]*)>/gi;

/** Returns the first problem in a Markdown answer (raw HTML or an unsafe link), or null. */
export function markdownProblem(markdown: string): string | null {
  if (/<\/?[a-z!][^>]*>/i.test(markdown.replace(/<(?:https|mailto):[^>\s]*>/gi, ''))) {
    return 'raw HTML is not allowed; use Markdown';
  }
  for (const match of markdown.matchAll(linkTarget)) {
    const target = (match[1] ?? match[2] ?? '').trim();
    if (!/^(?:https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(target)) {
      return `unsafe link "${target.slice(0, 60)}": only https:// and mailto: links are allowed`;
    }
  }
  return null;
}

const markdown = text(4000).superRefine((value, ctx) => {
  const problem = markdownProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * At most 80 per locale: three rounds of blind phrasings reached about 70 for the busiest entries
 * (docs/matching-history.md, round 12); the cap keeps a pasted list from bloating the index.
 */
export const maxPhrasings = 80;

const phrasings = z.array(text(300)).max(maxPhrasings).default([]);

/** One locale of an entry: how citizens ask, and the answer they get. */
export const localizedEntrySchema = z.strictObject({
  question: text(300),
  alternatives: phrasings,
  keywords: z.array(text(60)).max(30).default([]),
  answer: markdown,
  /** Held-out phrasings that must keep matching this entry (the publish gate checks them). */
  tests: phrasings,
  /**
   * Questions about this entry's subject that its answer does not answer ("Sind die Daten im
   * Darknet aufgetaucht?" beside "Wurden Daten veröffentlicht?"). A question closer to one of
   * them than to the entry's own phrasings is not answered with this entry: the citizen gets
   * an honest "no answer" and the offer to forward it (docs/matching.md). Optional: most
   * entries and drafts have none.
   */
  notAnswered: z.array(text(300)).max(60).optional(),
});

export const entryKinds = ['faq', 'smalltalk', 'escalate'] as const;

const httpsUrl = z
  .string()
  .trim()
  .regex(/^https:\/\/[^\s]+$/, 'use an https:// address');
/** What in the answer this source supports (optional for sources that speak for themselves). */
const note = text(500);

/**
 * Where an answer's statements come from. Every entry names at least one (`kb validate`
 * checks it); the kinds keep apart what the town stated, what official records and the law
 * say, general consumer advice (marked as such in the answer) and how this service works.
 */
export const sourceKinds = ['notice', 'public-record', 'law', 'general-guidance', 'product'] as const;
export const sourceSchema = z.discriminatedUnion('kind', [
  /** A verbatim passage of the town's notice (settings `notice.file`); `kb validate` finds it there. */
  z.strictObject({ kind: z.literal('notice'), quote: text(2000), note: note.optional() }),
  /** An official advisory or document, e.g. the vendor's security blog or the BSI's warning. */
  z.strictObject({
    kind: z.literal('public-record'),
    publisher: text(200),
    title: text(300),
    /** Publication date; required where the answer relies on it (e.g. a disclosure date). */
    date: z.iso.date('use a date like 2021-03-02').optional(),
    url: httpsUrl,
    note: note.optional(),
  }),
  /** An article of a law, e.g. "Art. 15 DSGVO", with a link to the official text. */
  z.strictObject({ kind: z.literal('law'), article: text(120), url: httpsUrl, note: note.optional() }),
  /** Standard consumer advice; the answer marks it "(allgemeiner Hinweis)" / "(general advice)". */
  z.strictObject({
    kind: z.literal('general-guidance'),
    note,
    publisher: text(200).optional(),
    title: text(300).optional(),
    url: httpsUrl.optional(),
  }),
  /** How this service works (the chat, the forwarding form). */
  z.strictObject({ kind: z.literal('product'), note }),
]);
export type Source = z.output<typeof sourceSchema>;
export type SourceKind = Source['kind'];

/** Who confirmed an entry's legal statements, and when (clears `needsReview`). */
export const legalReviewSchema = z.strictObject({
  by: text(120),
  date: z.iso.date('use a date like 2021-05-04'),
});

/** A knowledge-base entry, as stored in `knowledge/entries/<id>.yaml` and in the table. */
const entryShape = {
  id: entryIdSchema,
  kind: z.enum(entryKinds),
  /** The "Stand": when the answer was last reviewed (YYYY-MM-DD). */
  reviewedAt: z.iso.date('use a date like 2021-05-04').optional(),
  related: z.array(entryIdSchema).max(5).default([]),
  /**
   * Optional in the schema so drafts made in the editor (which cannot add sources yet) and
   * entries stored before sources existed still load; `kb validate` requires them.
   */
  sources: z.array(sourceSchema).max(20).optional(),
  /** Legal statements awaiting the data protection officer's confirmation; the editor shows it. */
  needsReview: z.boolean().optional(),
  legalReview: legalReviewSchema.optional(),
  de: localizedEntrySchema,
  en: localizedEntrySchema,
};
/** The fields of an entry without locale blocks beyond German and English. */
export const baseEntrySchema = z.strictObject(entryShape);
const localeKeyPattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/**
 * An entry with blocks for further locales (`de-x-ls:`, `pl:`): a key that looks like a locale
 * tag is parsed as a locale block; any other unknown key is refused like a strict object would.
 */
export const entrySchema = z
  .object(entryShape)
  .catchall(z.unknown())
  .transform((entry, ctx) => {
    const result: Record<string, unknown> = { ...entry };
    for (const [key, value] of Object.entries(entry)) {
      if (key in entryShape) continue;
      if (!localeKeyPattern.test(key)) {
        ctx.issues.push({
          code: 'unrecognized_keys',
          keys: [key],
          input: entry,
          message: `Unrecognized key: "${key}"`,
        });
        continue;
      }
      const block = localizedEntrySchema.safeParse(value);
      if (block.success) result[key] = block.data;
      else
        for (const issue of block.error.issues)
          ctx.issues.push({
            ...issue,
            path: [key, ...issue.path],
            input: value,
          } as (typeof ctx.issues)[number]);
    }
    return result as z.output<typeof baseEntrySchema> & { readonly [tag: string]: unknown };
  });

export type LocalizedEntry = z.output<typeof localizedEntrySchema>;
/**
 * German and English are required; any other configured locale is a block named by its tag
 * (`de-x-ls:`, `pl:`). The schema cannot know the settings, so it accepts any block that looks
 * like a locale; `kb validate` refuses tags the settings do not configure.
 */
export type Entry = z.output<typeof baseEntrySchema> & { readonly [tag: Locale]: unknown };
export type EntryInput = z.input<typeof baseEntrySchema> & { readonly [tag: Locale]: unknown };

export { extraLocaleTags, localeBlock, localeTags } from './locales.ts';

/**
 * A phrase rule: [pattern, replacement]; the pattern must compile with the flags `giu`, and be
 * written in lower case. Under `i` a capital says nothing, and the matcher tries each pattern
 * case-exact on the lowercased text first (phrases.ts), where a capital or an upper-case property
 * (`\p{Lu}`) would never match.
 */
const phraseRule = z.tuple([
  z
    .string()
    .min(1)
    .refine(compiles, { message: 'is not a valid regular expression (flags giu)' })
    .refine(writtenInLowerCase, {
      message: 'must be written in lower case (escapes such as \\S and \\p{L} aside)',
    }),
  z.string(),
]);

/**
 * Written in lower case, so that a case-exact try on lowercased text finds what the pattern
 * finds case-blind (phrases.ts): no capital, typed or as an escape (`\u0041`), no property that
 * tells case (`\p{Lu}`, `\p{Upper}`), no range with a capital in it (`[@-\[]`), and only letters
 * whose lower case is their case folding (not "ſ", "µ" or Greek: the one script where they part).
 * Group names and control escapes (`(?<Name>…)`, `\cJ`) say nothing about case.
 */
function writtenInLowerCase(pattern: string): boolean {
  const letters = pattern
    .replace(/\(\?<(?![=!])[^>]*>|\\k<[^>]*>|\\c[a-z]/giu, '')
    .replace(/\\(?:u\{([\da-f]+)\}|u([\da-f]{4})|x([\da-f]{2}))/giu, (_, ...hex) =>
      String.fromCodePoint(Number.parseInt(hex.slice(0, 3).join(''), 16)),
    );
  return (
    caseFree(letters) &&
    !/[ſµ]|\p{Script=Greek}/u.test(letters) &&
    ![...letters.matchAll(/(?<!\\)(\\.|[^\\\]])-(\\.|[^\\\]])/gu)].some(([, from = '', to = '']) =>
      hasCapital(from.slice(-1), to.slice(-1)),
    )
  );
}

/** Whether a character range holds a capital letter. */
function hasCapital(from: string, to: string): boolean {
  const [first = 0, last = 0] = [from.codePointAt(0), to.codePointAt(0)];
  for (let code = first; code <= Math.min(last, first + 0x10000); code++)
    if (/\p{Lu}|\p{Lt}/u.test(String.fromCodePoint(code))) return true;
  return false;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'giu');
    return true;
  } catch {
    return false;
  }
}

/** A regular expression of the matcher's settings (`neverSaid`, `instructions`, `precedence`): flags `iu`, tried on text in lower case. */
const lowerCaseRegex = z
  .string()
  .min(1)
  .refine(compiles, { message: 'is not a valid regular expression (flags iu)' })
  .refine(writtenInLowerCase, {
    message: 'must be written in lower case (escapes such as \\S and \\p{L} aside)',
  });

const perLocale = <T extends z.ZodType>(schema: T) => z.object({ de: schema, en: schema }).catchall(schema);

/** `locales:` in the settings; the first is the default. */
export const localeConfigSchema = z.strictObject({
  tag: localeTagSchema,
  name: text(60),
  analysis: z.enum(analyses),
  matchAlso: localeTagSchema.optional(),
  readability: z.enum(readabilityRules).optional(),
  required: z.boolean().optional(),
});

const localesSchema = z
  .array(localeConfigSchema)
  .min(2)
  .max(12)
  .default(() => defaultLocales.map((locale) => ({ ...locale })))
  .superRefine((list, ctx) => {
    const tags = list.map((locale) => locale.tag);
    tags.forEach((tag, index) => {
      if (tags.indexOf(tag) !== index)
        ctx.addIssue({ code: 'custom', path: [index, 'tag'], message: `duplicate locale "${tag}"` });
    });
    // Every entry is written in German and English, so both must be configured.
    for (const required of languages)
      if (!tags.includes(required))
        ctx.addIssue({ code: 'custom', message: `the locale "${required}" must be configured` });
    list.forEach((locale, index) => {
      if (
        locale.matchAlso !== undefined &&
        (locale.matchAlso === locale.tag || !tags.includes(locale.matchAlso))
      )
        ctx.addIssue({
          code: 'custom',
          path: [index, 'matchAlso'],
          message: `"${locale.matchAlso}" is not another configured locale`,
        });
    });
  });

/** `knowledge/settings.yaml`: matcher thresholds, fallback texts, contact data and policies. */
/**
 * Words for a matcher list: letters and digits, "*" for any letters, "+" for at least one, "_"
 * for a space ("*ausweis*", "+bad", "deutsche_bank"). Nothing else, so a list cannot break the
 * pattern made from it.
 */
const wordList = z
  .array(z.string().regex(/^[\p{L}\p{N}*+_]{2,40}$/u, 'use letters, digits, * + and _ only'))
  .max(400);

/** Counts of the learned second opinion (functions/lib/matcher/learned.ts, `npm run kb -- learn`). */
export const learnedSchema = z.strictObject({
  /** The second opinion counts only at or above this probability. */
  confidence: z.number().min(0.5).max(1),
  /** What the counts were made from: the files and how many questions of their tuning parts. */
  trainedOn: z.strictObject({ files: z.array(z.string()), questions: z.number().int().min(0) }),
  examples: z.record(z.string(), z.number().int().min(0)),
  /**
   * Per label, its terms' counts as "term=count" pairs, one string (learned.ts: `packTerms`);
   * a term without "=count" was seen once.
   */
  terms: z.record(
    z.string(),
    z.string().regex(/^(?:[^\s=]+(?:=\d+)?(?: [^\s=]+(?:=\d+)?)*)?$/, 'use "term=count" pairs'),
  ),
});

/** What `kb learn` counted (functions/lib/matcher/learned.ts). */
export type LearnedCounts = z.infer<typeof learnedSchema>;

export const settingsSchema = z.strictObject({
  /**
   * The town that runs the assistant (names, website, mail domains, colours; town.ts). Optional
   * in the schema so that knowledge bases stored before it still load; `kb validate` requires it.
   */
  town: townSchema.optional(),
  /** The locales entries may carry; the first is the default. See docs/locales.md. */
  locales: localesSchema,
  matcher: z.strictObject({
    /** Confidence at or above which the best entry is answered. */
    answerThreshold: z.number().min(0).max(1),
    /** Confidence at or above which entries are offered as "did you mean". */
    suggestThreshold: z.number().min(0).max(1),
    /** The best entry must lead the runner-up by this much to be answered outright. */
    minMargin: z.number().min(0).max(1),
    maxSuggestions: z.number().int().min(1).max(5),
    /**
     * Other services of the town ("*ausweis*", "bin_day"): a message that names one the entries
     * never name, and never the incident, gets an honest "no answer" (docs/matching.md).
     */
    otherServices: wordList.optional(),
    /** Other senders (banks, shops, platforms): a message about one that never names the town is not answered. */
    otherSenders: wordList.optional(),
    /**
     * The systems this incident is about ("exchange", "owa"): a message naming one is about the
     * incident, whatever service or sender it also names. The town's name counts without a list
     * (`town.shortName`).
     */
    incidentWords: wordList.optional(),
    /**
     * What the notice never says ("Wann wird OWA wieder eingeschaltet?", "Wie heißt die
     * Hackergruppe?"): a sentence that asks and matches one of these regular expressions (flags
     * `iu`, written in lower case like the phrase rules) gets the honest "no answer"
     * (functions/lib/matcher/never-said.ts).
     */
    neverSaid: z.array(lowerCaseRegex).optional(),
    /**
     * Instructions to the assistant ("Ignore your instructions", "Ab jetzt bist du …", "'; DROP
     * TABLE"): a message that matches one of these regular expressions (written in lower case,
     * tried on the message in lower case) is no question to the town and gets the honest "no
     * answer" (functions/lib/matcher/requests.ts).
     */
    instructions: z.array(lowerCaseRegex).optional(),
    /**
     * An act that decides between neighbouring entries ("Ich habe den Anhang der falschen Mail
     * schon geöffnet": `clicked-link`, not `suspicious-email`): when `when` finds the act in the
     * message and `unless` (if given) finds nothing, and an entry of `over` leads with `prefer`
     * among the first three, `prefer` goes first (matcher.ts). Both are regular expressions like
     * `neverSaid`'s; a YAML alias lets one rule's `when` be another's `unless`.
     */
    precedence: z
      .array(
        z.strictObject({
          when: lowerCaseRegex,
          unless: lowerCaseRegex.optional(),
          prefer: z.string().min(1),
          over: z.array(z.string().min(1)).min(1),
        }),
      )
      .optional(),
    /**
     * The learned second opinion (functions/lib/matcher/learned.ts): counts that `npm run kb --
     * learn` makes from the evaluation corpora's tuning parts. Not written in settings.yaml: the
     * knowledge folder's `learned.json` holds it, and loading adds it here.
     */
    learned: learnedSchema.optional(),
  }),
  /** Words that mean the same for matching, per locale: word -> replacement word(s). */
  synonyms: perLocale(z.record(z.string(), z.string())),
  /**
   * Phrases whose words mean something else one by one, per language the matcher analyses: a
   * regular expression (flags `giu`) and its replacement (functions/lib/matcher/phrases.ts).
   */
  phrases: z.partialRecord(z.enum(languages), z.array(phraseRule)).optional(),
  texts: perLocale(
    z.strictObject({
      none: text(500),
      suggest: text(500),
      /**
       * Beside an answer when the message asked a further question that no entry answers
       * ("Welche Daten sind betroffen, und wie viele Menschen sind es?"): that it was left out,
       * and the offer to forward it. Optional (a locale without it takes its parent's, then the
       * German one's); without any the forward button alone is offered.
       */
      partial: text(500).optional(),
      /**
       * The widget's own texts for a locale it has no built-in strings for (key -> text, the keys
       * of `web/widget/strings.ts`); missing keys fall back to the parent locale or German.
       */
      widget: z.record(z.string().regex(/^[a-zA-Z]+(?:\.[a-zA-Z]+)?$/), text(1000)).optional(),
    }),
  ),
  contact: z.strictObject({
    organisation: text(200),
    dpo: z.strictObject({ name: text(120), email: z.email() }),
    deputy: z.strictObject({ name: text(120), email: z.email() }).optional(),
    dpoMailbox: z.email(),
    senderAddress: z.email(),
    website: z.url().optional(),
  }),
  /**
   * The town's notice that `kind: notice` sources quote: a text file inside the knowledge
   * folder (it is not stored in the table; `kb export` copies the shipped one).
   */
  notice: z
    .strictObject({
      file: z
        .string()
        .regex(/^sources\/[a-z0-9][a-z0-9.-]*\.txt$/, 'use a file in sources/, e.g. sources/notice.txt'),
      title: text(300),
      date: z.iso.date('use a date like 2021-05-04'),
    })
    .optional(),
  escalation: z.strictObject({
    retentionDays: z.number().int().min(1).max(3650),
    /** Daily submissions per client bucket (keyed hash of the /24 or /64). */
    perClientDailyCap: z.number().int().min(1),
    /** Town-wide daily figure above which the flood alarm goes off (and everyone is challenged); never a lock. */
    globalDailyCap: z.number().int().min(1),
    /** Submissions a bucket makes per day before a proof-of-work challenge is required. */
    challengeAfter: z.number().int().min(0).default(2),
    /** ALTCHA difficulty: the highest number the solver may have to try. */
    challengeMaxNumber: z.number().int().min(1000).max(10_000_000).default(50_000),
    /** At most one DPO notice per this many minutes (a digest with a count); 0: one notice per ticket. */
    digestMinutes: z.number().int().min(0).max(1440).default(15),
    /** Answered tickets nobody closes are closed by the schedule after this many days. */
    autoCloseDays: z.number().int().min(1).max(365).default(14),
  }),
  unanswered: z.strictObject({
    retentionDays: z.number().int().min(1).max(365),
    /** New distinct questions one client bucket may add to the report per day. */
    newPerBucketDaily: z.number().int().min(1).default(20),
    /** The report shows this many questions (most frequent, then newest). */
    reportSize: z.number().int().min(10).max(5000).default(500),
  }),
  feedback: z
    .strictObject({
      /** How long the vote token of an answer stays valid. */
      voteTokenHours: z.number().int().min(1).max(168).default(24),
    })
    .default({ voteTokenHours: 24 }),
  publishing: z.strictObject({
    fourEyes: z.boolean(),
    minAccuracy: z.number().min(0).max(1),
    maxFalseAnswerRate: z.number().min(0).max(1),
    evalFile: z.string().optional(),
  }),
  cors: z.strictObject({ allowedOrigins: z.array(z.string()) }),
  /**
   * The widget's starter questions per locale: 3-5 entry ids, shown as buttons when the widget
   * opens. Optional, so that a knowledge base from before this setting stays valid; without it
   * the widget shows no starters.
   */
  starters: z
    .record(
      localeTagSchema,
      z
        .array(z.string().regex(/^[a-z0-9-]+$/))
        .min(3)
        .max(5),
    )
    .optional(),
});

export type Settings = z.output<typeof settingsSchema>;

/** What the ask function serves: one consistent published version of entries and settings. */
export interface KnowledgeSnapshot {
  version: number;
  settings: Settings;
  entries: Entry[];
}
