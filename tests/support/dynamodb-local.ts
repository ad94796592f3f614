// vitest globalSetup of `npm run test:fidelity`: starts DynamoDB Local (AWS's emulator; the jar
// ships in the npm package amplify-dynamodb-simulator) in memory on a free port and points every
// test database at it (functions/local/database.ts reads TEST_DYNAMODB_ENDPOINT).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

const jarDir = path.resolve('node_modules/amplify-dynamodb-simulator/emulator');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(endpoint: string, java: ChildProcess): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      if (java.exitCode !== null) throw new Error(`DynamoDB Local exited with ${java.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200)); // polling for readiness
      }
    }
    throw new Error('DynamoDB Local did not answer within 60 s');
  } finally {
    client.destroy();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const port = await freePort();
  const java = spawn(
    'java',
    [
      `-Djava.library.path=${path.join(jarDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(jarDir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-port',
      String(port),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(endpoint, java);
  // Inherited by the test workers, which start after the global setup.
  process.env.TEST_DYNAMODB_ENDPOINT = endpoint;
  return async () => {
    java.kill('SIGTERM');
  };
}
