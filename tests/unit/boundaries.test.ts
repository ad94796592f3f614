import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Only adapters and table owners talk to the AWS SDK: everything else goes through them, so a
 * table's key layout and its error handling live in one place. A new owner is added here on
 * purpose, never by accident.
 */
const allowed = [
  // Adapters: the one DynamoDB client and its generic item helpers; the SES mailer; secrets.
  'functions/lib/adapters/dynamodb.ts',
  'functions/lib/adapters/mail.ts',
  // The master key (Secrets Manager on AWS, a file in the data directory locally).
  'functions/lib/adapters/secrets.ts',
  // Table owner of `tickets` (knowledge and analytics owners build keys only, through adapters).
  'functions/lib/escalations/ticket-store.ts',
  // The local platform emulates AWS itself (embedded database, stream emulator, fault
  // injection, grants) and is never bundled into a Lambda function.
  'functions/local/database.ts',
  'functions/local/faults.ts',
  'functions/local/grants.ts',
  'functions/local/stream-emulator.ts',
];

const root = path.resolve(import.meta.dirname, '../..');

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(path.join(root, directory), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe('the AWS SDK boundary', () => {
  it('when a module outside the adapters and table owners imports @aws-sdk › is reported', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('functions')) {
      const text = await readFile(path.join(root, file), 'utf8');
      // Any quoted module specifier counts: `import`, `import()` and `createRequire(...)(...)`.
      if (/['"]@aws-sdk\//.test(text) && !allowed.includes(file)) {
        offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds the SDK in every allowed file (a stale allow-list entry is removed, not kept)', async () => {
    const files = new Set(await sourceFiles('functions'));
    for (const file of allowed) {
      expect(files.has(file), file).toBe(true);
      expect(await readFile(path.join(root, file), 'utf8'), file).toContain('@aws-sdk/');
    }
  });
});

describe('one owner per table', () => {
  // The modules that build table keys (key layouts, see docs/decisions.md, decision 3). A key is
  // an object literal `{ pk: <value>, sk: … }`; destructuring (`{ pk: _pk, sk }`) is not one.
  const keyOwners = [
    'functions/lib/escalations/ticket-store.ts',
    // Co-owner of the tickets table's SNIPPET partition (documented in ticket-store.ts).
    'functions/lib/escalations/snippet-store.ts',
    'functions/lib/knowledge/knowledge-table.ts',
    'functions/lib/analytics/analytics-table.ts',
  ];

  it('when a module outside the table owners builds a key ({ pk: …, sk: … }) › is reported', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('functions/lib')) {
      if (keyOwners.includes(file)) continue;
      if (/\{\s*pk:\s*[^_,;}\s][^,;}]*,\s*sk:/.test(await readFile(path.join(root, file), 'utf8')))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('finds key building in every listed owner (a stale entry is removed, not kept)', async () => {
    for (const file of keyOwners) {
      expect(await readFile(path.join(root, file), 'utf8'), file).toMatch(
        /\{\s*pk:\s*[^_,;}\s][^,;}]*,\s*sk:/,
      );
    }
  });
});

describe('configuration and layering', () => {
  it('when a module in functions/ reads process.env outside config/env.ts › is reported', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('functions')) {
      if (file === 'functions/lib/config/env.ts') continue;
      if (/process\.env\b/.test(await readFile(path.join(root, file), 'utf8'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('when a function imports from cdk/ › is reported (it would bundle the stack code)', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('functions')) {
      if (/from\s+['"](\.\.\/)+cdk\//.test(await readFile(path.join(root, file), 'utf8')))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
