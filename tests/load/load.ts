// `npm run load`: the local stack in this process, many citizens, optional faults, full accounting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../../functions/local/stack.ts';
import { type LoadReport, runLoad } from './run-load.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    clients: { type: 'string', default: '50' },
    forward: { type: 'string', default: '0.1' },
    faults: { type: 'string', default: process.env.FAULT_RATE ?? '0.05' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run load -- [--duration 60] [--clients 50] [--forward 0.1] [--faults 0.05] [--json]
  --duration  seconds of load          --clients  concurrent citizens (closed loop, no think time)
  --forward   share of forwarded questions   --faults  injected DynamoDB + mail fault rate (0 = clean)
  --json      print the report as JSON instead of tables
Exit code 1 when a forwarded question was lost or duplicated, on any 5xx other than 503,
a missing or repeated DPO notice, a given-up stream record or a privacy leak in logs/analytics.`);
  process.exit(0);
}

const number = (name: string, value: string, min: number, max: number) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    console.error(`--${name} must be a number from ${min} to ${max}`);
    process.exit(2);
  }
  return parsed;
};
const durationSeconds = number('duration', values.duration, 1, 3600);
const clients = number('clients', values.clients, 1, 1000);
const forwardShare = number('forward', values.forward, 0, 1);
const faultRate = number('faults', values.faults, 0, 0.5);

function print(report: LoadReport): void {
  console.log(
    `\nLoad: ${report.clients} clients for ${report.durationSeconds} s, ${Math.round(report.forwardShare * 100)} % forwarded, ` +
      `${Math.round(report.faultRate * 1000) / 10} % injected faults`,
  );
  console.table(Object.fromEntries(report.routes.map(({ route, ...figures }) => [route, figures])));
  const dynamodb = report.faults.dynamodb;
  console.table({
    requests: report.requests,
    'throughput (req/s)': report.throughputPerSecond,
    'status counts': Object.entries(report.statuses)
      .sort()
      .map(([status, count]) => `${status}:${count}`)
      .join(' '),
    'injected DynamoDB faults': `${dynamodb.injected} (${Object.entries(dynamodb.byKind)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(
        ', ',
      )}; before-write ${dynamodb.byPhase['before-write']}, after-write ${dynamodb.byPhase['after-write']}, read ${dynamodb.byPhase.read})`,
    'injected mail faults': report.faults.mail.injected,
    'client retries': report.retries,
    'forwarded: attempted': report.forwarded.attempted,
    'forwarded: acknowledged (201)': report.forwarded.acknowledged,
    'forwarded: client gave up': report.forwarded.gaveUp,
    'forwarded: refused (4xx)': Object.values(report.forwarded.refused).reduce((a, b) => a + b, 0),
    'tickets in table': report.accounting.ticketsInTable,
    LOST: report.accounting.lost,
    DUPLICATED: report.accounting.duplicated,
    'orphaned (client gave up, ticket stored)': report.accounting.orphanedClientGaveUp,
    'unexplained tickets': report.accounting.unexplained,
    'DPO notices sent / tickets': `${report.notices.sent} / ${report.notices.tickets}`,
    'tickets without / with >1 notice': `${report.notices.missing} / ${report.notices.duplicate}`,
    'stream records given up': report.notices.failedRecords,
    'log lines audited / privacy leaks': `${report.privacy.logLines} / ${report.privacy.leaks}`,
  });
  console.log(report.ok ? 'PASS' : `FAIL:\n- ${report.problems.join('\n- ')}`);
}

const root = await mkdtemp(path.join(tmpdir(), 'faq-load-'));
// A long run can retry a notification many times; Lambda retries stream records until they expire.
const stack = await startLocalStack({
  webOutDir: `${path.join(root, 'web')}/`,
  spoolDir: path.join(root, 'spool'),
  knowledgeCheckIntervalMs: 1000,
  streamRetries: 10,
  streamBackoffMs: 20,
});
let report: LoadReport | undefined;
try {
  if (!values.json) console.log(`Local stack at ${stack.url}; running ${durationSeconds} s ...`);
  report = await runLoad({ stack, durationMs: durationSeconds * 1000, clients, forwardShare, faultRate });
} finally {
  await stack.close();
  await rm(root, { recursive: true, force: true });
}
if (values.json) console.log(JSON.stringify(report, null, 2));
else print(report);
process.exit(report.ok ? 0 : 1);
