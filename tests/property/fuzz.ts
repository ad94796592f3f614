// `npm run fuzz`: >= 10,000 hostile requests per public endpoint against the real handlers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { anonymise } from '../../functions/lib/unanswered/anonymise.ts';
import { startLocalStack } from '../../functions/local/stack.ts';
import { allTicketItems, setEscalationSettings } from '../support/escalations.ts';
import { personalQuestion, survivors } from './anonymise-properties.ts';
import {
  type EscalationLedger,
  endpointProperty,
  publicEndpointProperties,
  serverTrickProperty,
} from './harness.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    'server-runs': { type: 'string', default: '1000' },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
const serverRuns = Number(values['server-runs']);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;

// The handlers log every request: keep the JSON lines off the terminal, but count them and look
// for what must never be logged on a refused request (stack traces).
let logLines = 0;
let stackTracesInLogs = 0;
const originals = [process.stdout.write, process.stderr.write] as const;
for (const [index, stream] of [process.stdout, process.stderr].entries()) {
  const original = originals[index] as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.startsWith('{')) {
      logLines += 1;
      if (/\bat .*\(|"stack"/.test(text)) stackTracesInLogs += 1;
      return true;
    }
    return original.call(stream, chunk, ...rest);
  }) as typeof stream.write;
}

// The anonymiser's properties at full strength (`npm test` runs a few hundred of them).
{
  const started = performance.now();
  const result = fc.check(
    fc.property(personalQuestion, ({ text, secrets }) => survivors(anonymise(text), secrets).length === 0),
    { numRuns: runs, seed },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `anonymiser: ${runs} generated questions in ${seconds} s: ${result.failed ? 'FAILED' : 'nothing survived'}`,
  );
  if (result.failed) {
    console.log(`  counterexample: ${JSON.stringify(result.counterexample)}`);
    process.exitCode = 1;
  }
}

const root = await mkdtemp(path.join(tmpdir(), 'faq-fuzz-'));
const stack = await startLocalStack({
  webOutDir: `${path.join(root, 'web')}/`,
  spoolDir: path.join(root, 'spool'),
  knowledgeCheckIntervalMs: 1000,
});
const rows: Record<string, Record<string, string | number>> = {};
let failed = false;
try {
  await setEscalationSettings({ perClientDailyCap: 10_000_000, globalDailyCap: 10_000_000 });
  const tableNames = Object.values(stack.database.tableNames);
  const ledger: EscalationLedger = { accepted: new Set() };
  console.log(`Fuzzing with seed ${seed}: ${runs} runs per endpoint, ${serverRuns} through the HTTP server`);
  for (const endpoint of publicEndpointProperties(ledger)) {
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const result = await fc.check(
      endpointProperty(endpoint, tableNames, undefined, (status) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
      }),
      { numRuns: runs, seed },
    );
    rows[endpoint.name] = {
      runs: result.numRuns,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      statuses: Object.entries(statuses)
        .map(([status, count]) => `${status}:${count}`)
        .join(' '),
      result: result.failed ? 'FAIL' : 'ok',
    };
    if (result.failed) {
      failed = true;
      console.error(fc.defaultReportMessage(result));
    }
  }
  // Only accepted submissions became tickets: no refused request left one behind.
  const stored = (await allTicketItems()).filter((item) => item.sk === 'TICKET').length;
  rows['stored tickets = accepted submissions'] = {
    runs: stored,
    seconds: 0,
    statuses: `accepted ${ledger.accepted.size}`,
    result: stored === ledger.accepted.size ? 'ok' : 'FAIL',
  };
  if (stored !== ledger.accepted.size) failed = true;
  const started = performance.now();
  const server = await fc.check(serverTrickProperty(stack), { numRuns: serverRuns, seed });
  rows['HTTP server: path and header tricks'] = {
    runs: server.numRuns,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    statuses: '',
    result: server.failed ? 'FAIL' : 'ok',
  };
  if (server.failed) {
    failed = true;
    console.error(fc.defaultReportMessage(server));
  }
} finally {
  await stack.close();
  await rm(root, { recursive: true, force: true });
  process.stdout.write = originals[0];
  process.stderr.write = originals[1];
}
console.table(rows);
console.log(`log lines: ${logLines}, with a stack trace: ${stackTracesInLogs}`);
if (stackTracesInLogs > 0) failed = true;
console.log(failed ? 'FAIL' : 'PASS');
process.exit(failed ? 1 : 0);
