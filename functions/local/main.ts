// `npm start`: the whole system locally, no AWS account, no Docker.
import path from 'node:path';
import { getNumberFromEnv, getStringFromEnv } from '../lib/config/env.ts';
import { faultRateFromEnv, installDynamoFaults } from './faults.ts';
import { repositoryRoot } from './server.ts';
import { startLocalStack } from './stack.ts';

const port = getNumberFromEnv('PORT', 3000);
const dataDir = path.resolve(getStringFromEnv('DATA_DIR', path.join(repositoryRoot, '.local')));

// Scheduled functions (ticket-age: the open-ticket metric) run every minute, printing EMF lines.
const stack = await startLocalStack({ dataDir, port, scheduleIntervalMs: 60_000 });
console.log(`Ready: ${stack.url}  (API ${stack.url}/v1/ask, data in ${dataDir}; Ctrl-C to stop)`);
console.log(`DPO inbox: ${stack.url}/inbox  (mail goes to ${stack.spoolDir}/outbox as .eml files)`);
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
  await stack.close();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
