// `npm start`: the whole system locally, no AWS account, no Docker.
import path from 'node:path';
import { repositoryRoot } from './server.ts';
import { startLocalStack } from './stack.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(repositoryRoot, '.local'));

const stack = await startLocalStack({ dataDir, port });
console.log(`Ready: ${stack.url}  (API ${stack.url}/v1/ask, data in ${dataDir}; Ctrl-C to stop)`);
console.log(`DPO inbox: ${stack.url}/inbox  (mail goes to ${stack.spoolDir}/outbox as .eml files)`);

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
