import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBStreamHandler } from 'aws-lambda';
import { buildWeb, distDir } from '../../web/build.ts';
import { documentClient } from '../lib/adapters/dynamodb.ts';
import { getListFromEnv, getStringFromEnv, setEnv } from '../lib/config/env.ts';
import {
  type FunctionDefinition,
  type FunctionName,
  functionDefinitions,
} from '../lib/definitions/routes.ts';
import { type TableName, tables } from '../lib/definitions/tables.ts';
import { evalCasesFor } from '../lib/editing/files.ts';
import { knowledgeDirFromEnv, loadKnowledgeDir } from '../lib/knowledge/files.ts';
import { importKnowledge, readMeta } from '../lib/knowledge/store.ts';
import { publishEndpoint, withdrawEndpoint } from './connect.ts';
import { type LocalDatabase, startDatabase } from './database.ts';
import { createDevIssuer, type DevIssuer } from './dev-issuer.ts';
import { type GrantCheckOptions, installGrantChecks, runAs } from './grants.ts';
import { createLocalServer, listen, repositoryRoot } from './server.ts';
import { createStaticHandler } from './static.ts';
import { installStreamEmulator, type StreamConsumer, type StreamEmulator } from './stream-emulator.ts';

export interface LocalStackOptions {
  /** Where data persists (`.local` by `npm start`); undefined keeps everything in memory. */
  dataDir?: string;
  port?: number;
  /** How often the ask function checks for a newly published knowledge base. */
  knowledgeCheckIntervalMs?: number;
  /** Where the web assets are built (dist/web by default; tests use a folder of their own). */
  webOutDir?: string;
  /** Serve what `webOutDir` already holds instead of building it (tests build once per run). */
  prebuiltWeb?: boolean;
  /**
   * Where mail (.eml in `outbox/`) and given-up stream records (`failed/`) go; default `dataDir`,
   * else a temp folder of the stack's own, which `close()` removes.
   */
  spoolDir?: string;
  /** Stream delivery retries and back-off (tests shorten them). */
  streamRetries?: number;
  streamBackoffMs?: number;
  /**
   * Runs the functions with a `schedule` (ticket-age) every this many milliseconds, standing in
   * for the EventBridge rules; off when undefined (`npm start` uses 60 s).
   */
  scheduleIntervalMs?: number;
  /** Knowledge folder imported when the table is empty; default KNOWLEDGE_DIR, else `knowledge/`. */
  knowledgeDir?: string;
  /** Whose table grants the local platform enforces (tests plant a missing grant); default: the deployed ones. */
  functionDefinitions?: GrantCheckOptions['definitions'];
}

export interface LocalStack {
  url: string;
  database: LocalDatabase;
  server: Server;
  /** The local stand-in for Cognito: signs and verifies staff tokens. */
  issuer: DevIssuer;
  /** The emulated DynamoDB streams: `await stack.streams.drain()` waits for all notifications. */
  streams: StreamEmulator;
  /** Holds `outbox/` (mail as .eml files) and `failed/` (the local on-failure destination). */
  spoolDir: string;
  close(): Promise<void>;
}

/** Points the handlers (which read their configuration from the environment) at the local stack. */
function configureEnvironment(database: LocalDatabase, options: LocalStackOptions): void {
  setEnv('AWS_REGION', getStringFromEnv('AWS_REGION', 'eu-central-1'));
  setEnv('DYNAMODB_ENDPOINT', database.endpoint);
  for (const name of Object.keys(tables) as TableName[])
    setEnv(tables[name].envVar, database.tableNames[name]);
  setEnv('KNOWLEDGE_CHECK_INTERVAL_MS', String(options.knowledgeCheckIntervalMs ?? 1000));
  if (options.dataDir) setEnv('DATA_DIR', options.dataDir);
  setEnv('MAIL_TRANSPORT', 'outbox');
}

/** The stream function (`notify`), loaded like Lambda loads it: the real handler module. */
async function loadStreamConsumer(): Promise<StreamConsumer> {
  const file = path.join(repositoryRoot, functionDefinitions.notify.entry);
  const module = (await import(pathToFileURL(file).href)) as { handler: DynamoDBStreamHandler };
  return async (event) =>
    (await runAs('notify', () => module.handler(event, {} as never, () => undefined))) ?? undefined;
}

/** Emulates the streams of every table with `stream: true` (delivered to the `notify` function). */
function startStreams(database: LocalDatabase, options: LocalStackOptions, spoolDir: string): StreamEmulator {
  const streamed = (Object.keys(tables) as TableName[]).filter((name) => 'stream' in tables[name]);
  return installStreamEmulator({
    client: documentClient(),
    endpoint: database.endpoint,
    region: getStringFromEnv('AWS_REGION', 'eu-central-1'),
    tables: streamed.map((name) => {
      const definition: { partitionKey: { name: string }; sortKey?: { name: string } } = tables[name];
      return {
        name: database.tableNames[name],
        keyNames: [definition.partitionKey.name, ...(definition.sortKey ? [definition.sortKey.name] : [])],
        consumer: loadStreamConsumer,
      };
    }),
    failedDir: path.join(spoolDir, 'failed'),
    ...(options.streamRetries !== undefined ? { retries: options.streamRetries } : {}),
    ...(options.streamBackoffMs !== undefined ? { backoffMs: options.streamBackoffMs } : {}),
  });
}

/**
 * Invokes every scheduled function (the real handler module) each `intervalMs`; returns a stop
 * function that waits for a run in progress. Failures are printed, as the function's error
 * alarm would report them on AWS.
 */
function startSchedules(intervalMs: number): () => Promise<void> {
  const scheduled = (Object.entries(functionDefinitions) as [string, FunctionDefinition][]).filter(
    ([, definition]) => definition.schedule,
  );
  let running: Promise<unknown> = Promise.resolve();
  const runAll = () =>
    Promise.all(
      scheduled.map(async ([name, definition]) => {
        try {
          const file = path.join(repositoryRoot, definition.entry);
          const module = (await import(pathToFileURL(file).href)) as {
            handler: (event: unknown) => Promise<unknown>;
          };
          await runAs(name as FunctionName, () =>
            module.handler({ source: 'local.schedule', 'detail-type': 'Scheduled Event' }),
          );
        } catch (error) {
          console.error(`scheduled function ${name} failed:`, error);
        }
      }),
    );
  const timer = setInterval(() => {
    running = running.then(runAll);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Imports the knowledge base from `dir` (KNOWLEDGE_DIR, else `knowledge/`) when the table has
 * none yet.
 */
export async function seedKnowledgeIfEmpty(dir = knowledgeDirFromEnv()): Promise<boolean> {
  if (await readMeta(true)) return false;
  const report = await loadKnowledgeDir(dir);
  if (report.problems.length > 0 || !report.settings) {
    const lines = report.problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message}`);
    throw new Error(`The knowledge base in ${dir} is invalid:\n${lines.join('\n')}`);
  }
  const evalCases = await evalCasesFor(dir, report.settings);
  await importKnowledge(report.entries, report.settings, 'files', evalCases);
  return true;
}

/**
 * The whole system in one process: embedded database, tables, default knowledge base and the
 * HTTP server in front of the real handlers.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const database = await startDatabase(options.dataDir ? path.join(options.dataDir, 'db') : undefined);
  configureEnvironment(database, options);
  const removeGrantChecks = installGrantChecks({
    tableNames: database.tableNames,
    ...(options.functionDefinitions ? { definitions: options.functionDefinitions } : {}),
  });
  // A folder the caller named (spoolDir, dataDir) is theirs to keep; one made here is removed by
  // close(): each test file's stack made one, and every `npm test` left hundreds in /tmp.
  const givenSpoolDir = options.spoolDir ?? options.dataDir;
  const spoolDir = givenSpoolDir ?? (await mkdtemp(path.join(tmpdir(), 'faq-spool-')));
  setEnv('OUTBOX_DIR', path.join(spoolDir, 'outbox'));
  const streams = startStreams(database, options, spoolDir);
  await seedKnowledgeIfEmpty(options.knowledgeDir);
  const meta = await readMeta(true);
  const allowedOrigins = [
    ...(getListFromEnv('ALLOWED_ORIGINS').length
      ? getListFromEnv('ALLOWED_ORIGINS')
      : (meta?.settings.cors.allowedOrigins ?? [])),
  ];
  const webOutDir = options.webOutDir ?? distDir;
  if (!options.prebuiltWeb) await buildWeb(webOutDir);
  const issuer = await createDevIssuer(options.dataDir);
  const server = createLocalServer({
    port: options.port ?? 0,
    allowedOrigins,
    verifyToken: issuer.verify,
    serveStatic: createStaticHandler(webOutDir, async () => (await readMeta())?.settings),
  });
  const url = await listen(server, options.port ?? 0);
  allowedOrigins.push(url);
  setEnv('INBOX_URL', `${url}/inbox`);
  // The confirmation link in mails points at the API, which is this server locally.
  setEnv('API_URL', url);
  const stopSchedules =
    options.scheduleIntervalMs === undefined ? async () => {} : startSchedules(options.scheduleIntervalMs);
  const { dataDir } = options;
  if (dataDir)
    await publishEndpoint(dataDir, { endpoint: database.endpoint, tableNames: database.tableNames });
  return {
    url,
    database,
    server,
    issuer,
    streams,
    spoolDir,
    async close() {
      await stopSchedules();
      await streams.drain();
      streams.uninstall();
      removeGrantChecks();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (dataDir) await withdrawEndpoint(dataDir);
      await database.close();
      // Last: the drained streams and the stopped schedules and server write no more mail or
      // failed records into it. Tests read the outbox before they close the stack.
      if (!givenSpoolDir) await rm(spoolDir, { recursive: true, force: true });
    },
  };
}
