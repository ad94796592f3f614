import { execFile } from 'node:child_process';
import { Console } from 'node:console';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../functions/kb/cli.ts';

/** What a `kb` command printed; a failed command rejects with this plus its exit code. */
export interface KbOutput {
  stdout: string;
  stderr: string;
}
export type KbFailure = KbOutput & { code: number };

class Exit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `npm run kb -- <args>` in this process: the CLI's own `main`, with its console output
 * captured and `process.exit` turned into a rejection `{ code, stdout, stderr }`. A child process
 * per command (tsx compiling the CLI each time) cost seconds per call on a 2-core machine;
 * `runKbProcess` below keeps one end-to-end check of the real command.
 */
export async function runKb(...args: string[]): Promise<KbOutput> {
  const out = new PassThrough();
  const err = new PassThrough();
  const stdout = collect(out);
  const stderr = collect(err);
  const captured = new Console({ stdout: out, stderr: err });
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...data) => captured.log(...data)),
    vi.spyOn(console, 'table').mockImplementation((...data) => captured.table(...data)),
    vi.spyOn(console, 'error').mockImplementation((...data) => captured.error(...data)),
    vi.spyOn(console, 'warn').mockImplementation((...data) => captured.warn(...data)),
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Exit(Number(code ?? 0));
    }),
  ];
  let code = 0;
  try {
    await main(args);
  } catch (error) {
    if (error instanceof Exit) code = error.code;
    else {
      // As the script does: the message on stderr, exit code 1.
      captured.error(error instanceof Error ? error.message : String(error));
      code = 1;
    }
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  // Console writes to the streams synchronously; let their 'data' events run.
  await new Promise((resolve) => setImmediate(resolve));
  const output = { stdout: stdout(), stderr: stderr() };
  if (code !== 0)
    throw Object.assign(new Error(`kb ${args.join(' ')} exited with ${code}`), output, { code });
  return output;
}

const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** The real `npm run --silent kb -- <args>` in a child process (rejects with `code`/`stderr`). */
export function runKbProcess(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<KbOutput> {
  return promisify(execFile)('npm', ['run', '--silent', 'kb', '--', ...args], { cwd: repositoryRoot, env });
}
