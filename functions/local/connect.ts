import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getStringFromEnv, setEnv } from '../lib/config/env.ts';
import { type TableName, tables } from '../lib/definitions/tables.ts';
import { dataDirMismatch, resolveDataDir } from './data-dir.ts';
import { startDatabase } from './database.ts';

/**
 * Lets command-line tools reach the local database. LevelDB allows one process at a time, so
 * when `npm start` is running the tools use its database endpoint (published in
 * `$DATA_DIR/endpoint.json`); otherwise they open the data folder themselves.
 */
export const localDataDir = resolveDataDir;

const endpointFile = (dataDir: string) => path.join(dataDir, 'endpoint.json');

interface EndpointInfo {
  endpoint: string;
  tableNames: Record<TableName, string>;
}

/** Called by the running stack so that tools can share its database. */
export async function publishEndpoint(dataDir: string, info: EndpointInfo): Promise<void> {
  await writeFile(endpointFile(dataDir), JSON.stringify(info));
}

export async function withdrawEndpoint(dataDir: string): Promise<void> {
  await rm(endpointFile(dataDir), { force: true });
}

async function reachable(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { method: 'GET', signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

/** Connects the process environment to the local database; returns a function that disconnects. */
export async function connectLocalDatabase(dataDir = localDataDir()): Promise<() => Promise<void>> {
  const mismatch = await dataDirMismatch(
    dataDir,
    "this command reads and writes another database than the server's",
    `npm run kb -- ${process.argv.slice(2).join(' ')}`,
  );
  if (mismatch) console.error(mismatch);
  let info: EndpointInfo | undefined;
  try {
    info = JSON.parse(await readFile(endpointFile(dataDir), 'utf8')) as EndpointInfo;
  } catch {
    info = undefined;
  }
  let close = async () => {};
  if (!info || !(await reachable(info.endpoint))) {
    const database = await startDatabase(path.join(dataDir, 'db'));
    info = { endpoint: database.endpoint, tableNames: database.tableNames };
    close = database.close;
  }
  setEnv('AWS_REGION', getStringFromEnv('AWS_REGION', 'eu-central-1'));
  setEnv('DYNAMODB_ENDPOINT', info.endpoint);
  for (const name of Object.keys(tables) as TableName[]) setEnv(tables[name].envVar, info.tableNames[name]);
  return close;
}
