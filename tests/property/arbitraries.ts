import fc from 'fast-check';

/**
 * Shared arbitraries for hostile input: what a bot, a fuzzer or a confused client may send to
 * the public endpoints. Used by the bounded suite (tests/integration/hostile-input.test.ts)
 * and by `npm run fuzz` (tests/property/fuzz.ts).
 */

/** Strings people and attackers type: full Unicode, control characters, CR/LF, HTML, SQL-ish. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\r\nBcc: x@evil.example',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, literal on purpose
    '${7*7}',
    '../../etc/passwd',
    '%00',
    '\u202e\u200b\ufeff',
    'ä'.repeat(600),
    '__proto__',
    'constructor',
    'STR-2222-2222',
    'a@b.c\r\nBcc: victim@example.org',
  ),
);

/** Any JSON value, including deep nesting. */
export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  }),
);

/** Extra fields a client may add (must be dropped, never stored). */
export const extraFields = fc.dictionary(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'pk',
      'sk',
      'secretHash',
      'queueStatus',
      'admin',
      'expiresAt',
    ),
  ),
  fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })),
  { maxKeys: 4 },
);

/** Content types, right and wrong. */
export const contentType = fc.oneof(
  { weight: 16, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/json\r\nX-Evil: 1',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A raw body: serialised JSON, broken JSON, or a huge one past the size limit. */
export function rawBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: value.map((item) => JSON.stringify(item) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom('{', '[1,', '{"question":', 'null', '1e999', '"\\ud800"') },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 30_000, max: 40_000 })
        .map((size) => JSON.stringify({ question: 'x'.repeat(size) })),
    },
  );
}

/** Headers with tricks: mixed case duplicates of known headers (now and then), odd names, long values. */
export const extraHeaders = fc.dictionary(
  fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Content-Type',
        'CONTENT-TYPE',
        'X-Ticket-Secret',
        'authorization',
        'x-forwarded-for',
        'host',
      ),
    },
  ),
  fc.oneof(hostileString, fc.constant('Bearer eyJhbGciOiJub25lIn0.e30.')),
  { maxKeys: 3 },
);

export const locale = fc.oneof(fc.constantFrom('de', 'en'), hostileString);

/** Bodies for POST /v1/ask: mostly the right shape with hostile values, sometimes anything. */
export const askBody = fc.oneof(
  { weight: 3, arbitrary: fc.record({ question: hostileString, locale }, { requiredKeys: ['question'] }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.record({ question: hostileString, locale }, { requiredKeys: [] }), extraFields)
      .map(([body, extra]) => ({ ...extra, ...body })),
  },
  { weight: 1, arbitrary: anyJson },
);

/** Bodies for POST /v1/escalations: valid ones with extra fields, and every kind of broken one. */
export const escalationBody = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        // Mostly valid values with hostile content, so a good share is accepted and stored.
        question: fc.oneof(
          { weight: 3, arbitrary: hostileString.map((text) => `Wer hat die Daten? ${text}`) },
          { weight: 1, arbitrary: hostileString },
        ),
        email: fc.option(
          fc.oneof(
            { weight: 4, arbitrary: fc.emailAddress() },
            { weight: 1, arbitrary: hostileString },
            { weight: 1, arbitrary: fc.constant('a@example.org\r\nBcc: x@evil.example') },
          ),
          { nil: undefined },
        ),
        locale: fc.option(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom('de', 'en') },
            { weight: 1, arbitrary: hostileString },
          ),
          { nil: undefined },
        ),
        consent: fc.oneof(
          { weight: 6, arbitrary: fc.constant(true) },
          fc.constantFrom(false, 'true', 1, null),
        ),
        clientToken: fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString }),
        website: fc.option(fc.oneof(fc.constant(''), hostileString), { nil: undefined, freq: 12 }),
      })
      .chain((body) => extraFields.map((extra) => ({ ...extra, ...body }))),
  },
  { weight: 1, arbitrary: anyJson },
);

/** Bodies for POST /v1/feedback. */
export const feedbackBody = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        entryId: fc.oneof(fc.constantFrom('what-happened', 'passwords', 'no-such-entry'), hostileString),
        helpful: fc.oneof(fc.boolean(), hostileString),
      })
      .chain((body) => extraFields.map((extra) => ({ ...extra, ...body }))),
  },
  { weight: 1, arbitrary: anyJson },
);

/** Path segments for {ticketId}: references, near-misses, traversal, encodings, Unicode. */
export const ticketPathSegment = fc.oneof(
  fc.constantFrom('STR-2222-2222', 'str 2222 2222', 'STR-0000-0000', '..', '%2e%2e', 'STR-2222-2222/../x'),
  fc.stringMatching(/^STR-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
  hostileString.filter((value) => value.length > 0),
);

/** Query strings for GET routes. */
export const queryParameters = fc.dictionary(
  fc.oneof(fc.constantFrom('limit', 'cursor', 'status', '__proto__'), fc.string({ maxLength: 8 })),
  fc.oneof(fc.integer().map(String), hostileString),
  { maxKeys: 3 },
);
