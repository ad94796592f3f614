// `npm start`: the whole system locally, no AWS account, no Docker.
import { getNumberFromEnv } from '../lib/config/env.ts';
import { knowledgeDirFromEnv } from '../lib/knowledge/files.ts';
import { dataDirPrefix, registerServer, resolveDataDir } from './data-dir.ts';
import { faultRateFromEnv, installDynamoFaults } from './faults.ts';
import { startLocalStack } from './stack.ts';

const port = getNumberFromEnv('PORT', 3000);
const dataDir = resolveDataDir();

// Every page the local server serves, as the banner lists them (the README's tour follows it).
const pages: [string, string][] = [
  ['/', 'Assistant for citizens (widget)'],
  ['/inbox', 'DPO inbox (token: group dpo)'],
  ['/editor', 'Knowledge editor (token: group editor)'],
  ['/dashboard', 'Situation dashboard (token: group dpo or editor)'],
  ['/privacy', 'Privacy notice'],
  ['/accessibility', 'Accessibility statement'],
];

// Scheduled functions (ticket-age: the open-ticket metric) run every minute, printing EMF lines.
const stack = await startLocalStack({ dataDir, port, scheduleIntervalMs: 60_000 });
const unregister = await registerServer({ url: stack.url, dataDir });
const token = `${dataDirPrefix(dataDir)}npm run --silent token --`;
console.log(
  [
    `Ready: ${stack.url}  (API ${stack.url}/v1/ask; Ctrl-C to stop)`,
    `Data folder: ${dataDir}  (DATA_DIR; npm run token and npm run kb must use the same)`,
    `Knowledge:   ${knowledgeDirFromEnv()}  (KNOWLEDGE_DIR; imported when the data folder has none)`,
    '',
    'Pages:',
    ...pages.map(([page, what]) => `  ${`${stack.url}${page}`.padEnd(40)} ${what}`),
    '',
    'Staff sign-in: make a token and paste it into the page (valid 8 hours):',
    `  ${token} --group dpo --sub anna          DPO inbox`,
    `  ${token} --group editor --sub erika      editor (author)`,
    `  ${token} --group editor --sub max        second editor (approves: four-eyes rule)`,
    `  ${token} --group dpo --group editor --sub lead   everything, dashboard included`,
    '',
    `Mail goes to ${stack.spoolDir}/outbox as .eml files.`,
  ].join('\n'),
);
// FAULT_RATE=0.05 npm start: try the widget and the inbox against a flaky database (after seeding).
const faultRate = faultRateFromEnv();
if (faultRate > 0) {
  installDynamoFaults({ rate: faultRate });
  console.log(`Injecting DynamoDB faults into ${faultRate * 100} % of calls (functions/local/faults.ts)`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await unregister();
  await stack.close();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
