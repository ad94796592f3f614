import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { lambdaBuildOptions } from '../../cdk/lambda-bundling.ts';
import { functionDefinitions, routes } from '../../functions/lib/definitions/routes.ts';
import { startDatabase } from '../../functions/local/database.ts';
import { repositoryRoot } from '../../functions/local/server.ts';

const run = promisify(execFile);

/**
 * The stack's bundle options (cdk/lambda-bundling.ts), with the AWS SDK external: the SDK is the
 * same in every function and measured on its own (`--only sdk`); this is each function's own code.
 */
const lambdaOptions: BuildOptions = lambdaBuildOptions({ external: ['@aws-sdk/*'] });

/** The naive bundle a first attempt produces: not minified, the AWS SDK bundled in. */
const naiveOptions: BuildOptions = { ...lambdaOptions, minify: false, external: [] };

const benchDir = path.join(repositoryRoot, '.local', 'bench');

/** A first request for each function: the first route's event, or an empty stream batch. */
function firstEvent(name: string): unknown {
  if (name === 'notify') return { Records: [] };
  const route = routes.find((candidate) => candidate.function === name);
  if (!route) return {};
  const body = name === 'ask' ? JSON.stringify({ question: 'Wurden Daten gestohlen?' }) : '{}';
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: route.path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      requestId: 'bench',
      routeKey: `${route.method} ${route.path}`,
      http: { method: route.method, path: route.path, sourceIp: '127.0.0.1' },
    },
    ...(route.method === 'GET' ? {} : { body }),
    isBase64Encoded: false,
  };
}

const runner = `
const start = performance.now();
const mod = await import(process.argv[2]);
const loaded = performance.now();
await mod.handler(JSON.parse(process.argv[3]), { functionName: 'bench', awsRequestId: 'bench' });
const done = performance.now();
process.stdout.write(JSON.stringify({ initMs: loaded - start, firstRequestMs: done - loaded }) + '\\n');
`;

async function coldStart(
  bundle: string,
  event: unknown,
  env: NodeJS.ProcessEnv,
): Promise<{ initMs: number; totalMs: number }> {
  const samples: { initMs: number; totalMs: number }[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const { stdout } = await run(
      process.execPath,
      [path.join(benchDir, 'runner.mjs'), bundle, JSON.stringify(event)],
      {
        env,
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    const line = stdout.trim().split('\n').at(-1) ?? '{}';
    const { initMs, firstRequestMs } = JSON.parse(line) as { initMs: number; firstRequestMs: number };
    samples.push({ initMs, totalMs: initMs + firstRequestMs });
  }
  samples.sort((a, b) => a.totalMs - b.totalMs);
  return samples[1] as { initMs: number; totalMs: number };
}

export interface FunctionFigures {
  name: string;
  bundle: { rawKb: number; gzipKb: number; initMs: number; totalMs: number };
  naive: { rawKb: number; gzipKb: number; initMs: number; totalMs: number };
  ratios: { size: number; coldStart: number };
}

/** Bundles every function twice (ours and naive) and measures size and cold start of each. */
export async function benchFunctions(): Promise<FunctionFigures[]> {
  await rm(benchDir, { recursive: true, force: true });
  await mkdir(benchDir, { recursive: true });
  await writeFile(path.join(benchDir, 'runner.mjs'), runner);
  const database = await startDatabase(undefined, 'bench');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-central-1',
    DYNAMODB_ENDPOINT: database.endpoint,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: path.join(benchDir, 'outbox'),
    INBOX_URL: 'http://127.0.0.1:3000/inbox',
    DATA_DIR: benchDir,
    MAIL_FROM: 'no-reply@example.org',
    DPO_MAILBOX: 'dpo@example.org',
    AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    NODE_NO_WARNINGS: '1',
  };
  const { tables } = await import('../../functions/lib/definitions/tables.ts');
  for (const [name, table] of Object.entries(tables))
    env[table.envVar] = database.tableNames[name as keyof typeof tables];
  // Seed the knowledge base so the ask function's first request does real work.
  Object.assign(process.env, env);
  const { seedKnowledgeIfEmpty } = await import('../../functions/local/stack.ts');
  await seedKnowledgeIfEmpty();

  const figures: FunctionFigures[] = [];
  try {
    for (const [name, definition] of Object.entries(functionDefinitions)) {
      const entry = path.join(repositoryRoot, definition.entry);
      const measure = async (kind: 'bundle' | 'naive') => {
        const outfile = path.join(benchDir, `${name}.${kind}.mjs`);
        await build({ ...(kind === 'bundle' ? lambdaOptions : naiveOptions), entryPoints: [entry], outfile });
        const code = await readFile(outfile);
        const cold = await coldStart(outfile, firstEvent(name), env);
        return { rawKb: code.length / 1024, gzipKb: gzipSync(code).length / 1024, ...cold };
      };
      const bundle = await measure('bundle');
      const naive = await measure('naive');
      figures.push({
        name,
        bundle,
        naive,
        ratios: { size: naive.rawKb / bundle.rawKb, coldStart: naive.totalMs / bundle.totalMs },
      });
    }
  } finally {
    await database.close();
  }
  return figures;
}
