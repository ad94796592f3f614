import type { Server } from 'node:http';
import path from 'node:path';
import { buildWeb, distDir } from '../../web/build.ts';
import { getListFromEnv } from '../lib/config/env.ts';
import { type TableName, tables } from '../lib/definitions/tables.ts';
import { loadKnowledgeDir } from '../lib/knowledge/files.ts';
import { importKnowledge, readMeta } from '../lib/knowledge/store.ts';
import { publishEndpoint, withdrawEndpoint } from './connect.ts';
import { type LocalDatabase, startDatabase } from './database.ts';
import { createDevIssuer, type DevIssuer } from './dev-issuer.ts';
import { createLocalServer, listen } from './server.ts';
import { createStaticHandler } from './static.ts';

export interface LocalStackOptions {
  /** Where data persists (`.local` by `npm start`); undefined keeps everything in memory. */
  dataDir?: string;
  port?: number;
  /** How often the ask function checks for a newly published knowledge base. */
  knowledgeCheckIntervalMs?: number;
  /** Where the web assets are built (dist/web by default; tests use a folder of their own). */
  webOutDir?: string;
}

export interface LocalStack {
  url: string;
  database: LocalDatabase;
  server: Server;
  /** The local stand-in for Cognito: signs and verifies staff tokens. */
  issuer: DevIssuer;
  close(): Promise<void>;
}

/** Points the handlers (which read their configuration from the environment) at the local stack. */
function configureEnvironment(database: LocalDatabase, options: LocalStackOptions): void {
  process.env.AWS_REGION ??= 'eu-central-1';
  process.env.DYNAMODB_ENDPOINT = database.endpoint;
  for (const name of Object.keys(tables) as TableName[])
    process.env[tables[name].envVar] = database.tableNames[name];
  process.env.KNOWLEDGE_CHECK_INTERVAL_MS = String(options.knowledgeCheckIntervalMs ?? 1000);
  if (options.dataDir) process.env.DATA_DIR = options.dataDir;
}

/** Imports the default knowledge base from `knowledge/` when the table has none yet. */
export async function seedKnowledgeIfEmpty(): Promise<boolean> {
  if (await readMeta(true)) return false;
  const report = await loadKnowledgeDir();
  if (report.problems.length > 0 || !report.settings) {
    const lines = report.problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message}`);
    throw new Error(`The default knowledge base is invalid:\n${lines.join('\n')}`);
  }
  await importKnowledge(report.entries, report.settings, 'files');
  return true;
}

/**
 * The whole system in one process: embedded database, tables, default knowledge base and the
 * HTTP server in front of the real handlers.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const database = await startDatabase(options.dataDir ? path.join(options.dataDir, 'db') : undefined);
  configureEnvironment(database, options);
  await seedKnowledgeIfEmpty();
  const meta = await readMeta(true);
  const allowedOrigins = [
    ...(getListFromEnv('ALLOWED_ORIGINS').length
      ? getListFromEnv('ALLOWED_ORIGINS')
      : (meta?.settings.cors.allowedOrigins ?? [])),
  ];
  const webOutDir = options.webOutDir ?? distDir;
  await buildWeb(webOutDir);
  const issuer = await createDevIssuer(options.dataDir);
  const server = createLocalServer({
    port: options.port ?? 0,
    allowedOrigins,
    verifyToken: issuer.verify,
    serveStatic: createStaticHandler(webOutDir),
  });
  const url = await listen(server, options.port ?? 0);
  allowedOrigins.push(url);
  const { dataDir } = options;
  if (dataDir)
    await publishEndpoint(dataDir, { endpoint: database.endpoint, tableNames: database.tableNames });
  return {
    url,
    database,
    server,
    issuer,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (dataDir) await withdrawEndpoint(dataDir);
      await database.close();
    },
  };
}
