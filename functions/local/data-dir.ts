import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getOptionalStringFromEnv } from '../lib/config/env.ts';
import { repositoryRoot } from './server.ts';

/**
 * The one place that decides where local data lives, for `npm start`, `npm run token` and
 * `npm run kb`: `$DATA_DIR` when set, else `.local/` in the repository. The folder holds the
 * database (`db/`), the dev issuer's key (`dev-issuer.json`: tokens are signed with it), the
 * mail outbox and `endpoint.json` (how tools reach a running server's database).
 *
 * Tools started with another DATA_DIR than the running server would sign tokens the server
 * rejects or read an empty database. So every running `npm start` registers itself in
 * `.local/servers/` (always the repository's folder, whatever DATA_DIR says), and the tools
 * compare: a mismatch is reported with the command that fixes it.
 */
export const defaultDataDir = path.join(repositoryRoot, '.local');

export function resolveDataDir(): string {
  return path.resolve(getOptionalStringFromEnv('DATA_DIR') || defaultDataDir);
}

/** `DATA_DIR=… ` to put before a command, or '' for the default folder. */
export function dataDirPrefix(dataDir: string): string {
  return path.resolve(dataDir) === defaultDataDir ? '' : `DATA_DIR=${dataDir} `;
}

export interface RunningServer {
  pid: number;
  url: string;
  dataDir: string;
}

const registry = path.join(defaultDataDir, 'servers');
const entryFile = (pid: number) => path.join(registry, `${pid}.json`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Called by `npm start` once it listens; returns the function that unregisters it. */
export async function registerServer(server: Omit<RunningServer, 'pid'>): Promise<() => Promise<void>> {
  await mkdir(registry, { recursive: true });
  const file = entryFile(process.pid);
  await writeFile(file, JSON.stringify({ pid: process.pid, ...server }));
  return () => rm(file, { force: true });
}

/** The `npm start` processes of this repository that are running now (stale entries are removed). */
export async function runningServers(): Promise<RunningServer[]> {
  const names = await readdir(registry).catch(() => [] as string[]);
  const found: RunningServer[] = [];
  for (const name of names.filter((file) => file.endsWith('.json'))) {
    const file = path.join(registry, name);
    const server = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as RunningServer)
      .catch(() => undefined);
    if (server && alive(server.pid)) found.push(server);
    else await rm(file, { force: true });
  }
  return found;
}

/**
 * A warning when servers run but none uses `dataDir` (undefined when all is well): `what` says
 * what goes wrong ("the server will reject this token"), `command` is the command to repeat.
 */
export async function dataDirMismatch(
  dataDir: string,
  what: string,
  command: string,
): Promise<string | undefined> {
  const servers = await runningServers();
  if (servers.length === 0 || servers.some((server) => path.resolve(server.dataDir) === dataDir))
    return undefined;
  const example = servers[0] as RunningServer;
  const prefix = dataDirPrefix(example.dataDir);
  return [
    `Warning: this command uses the data folder ${dataDir}, but the running server does not:`,
    ...servers.map((server) => `  ${server.url} uses ${server.dataDir}`),
    `So ${what}. Use the server's folder:`,
    prefix ? `  ${prefix}${command}` : `  env -u DATA_DIR ${command}`,
  ].join('\n');
}
