import { type ChildProcess, spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { request } from '../support/stack.ts';
import { tempDir } from '../support/temp-dir.ts';

/** `npm start` as a citizen's IT person runs it: a real process, a data folder, Ctrl-C. */
const root = path.resolve(import.meta.dirname, '../..');

function run(command: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...command], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  // Killed when the test finishes, if still running (a failed test): before its temp folders
  // are removed, as vitest runs the latest-registered onTestFinished first.
  onTestFinished(() => stop(child));
  return child;
}

function ready(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Ready: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ready`)));
  });
}

function exit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exit(child);
  child.kill('SIGKILL');
  await exited;
}

describe('npm start', () => {
  it('serves, stops cleanly on Ctrl-C, and keeps its data on the next start', async () => {
    const dataDir = await tempDir('faq-start-');
    const env = { DATA_DIR: dataDir, PORT: '0' };

    const first = run(['functions/local/main.ts'], env);
    const url = await ready(first);
    const answer = await request(`${url}/v1/ask`, {
      body: { question: 'Warum ist Outlook Web App abgeschaltet?' },
    });
    expect(answer.body).toMatchObject({ status: 'answer', answer: { entryId: 'outlook-web-app' } });
    expect((await request(`${url}/`)).status).toBe(200);

    // Staff import a changed knowledge base into the running stack.
    const knowledgeDir = await tempDir('faq-kb-');
    await cp(path.join(root, 'knowledge'), knowledgeDir, { recursive: true });
    const file = path.join(knowledgeDir, 'entries', 'outlook-web-app.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(
      file,
      yaml.replace(/(de:\n(?:.*\n)*? {2}answer: \|\n)( {4}.*\n)/, '$1    Geänderte Antwort.\n'),
    );
    const importer = run(['functions/kb/cli.ts', 'import', '--dir', knowledgeDir], env);
    expect(await exit(importer)).toBe(0);

    first.kill('SIGINT');
    expect(await exit(first)).toBe(0);

    const second = run(['functions/local/main.ts'], env);
    const secondUrl = await ready(second);
    const changed = await request(`${secondUrl}/v1/ask`, {
      body: { question: 'Warum ist Outlook Web App abgeschaltet?' },
    });
    expect(changed.body).toMatchObject({
      answer: { entryId: 'outlook-web-app', text: expect.stringMatching(/^Geänderte Antwort\./) },
    });
    second.kill('SIGINT');
    expect(await exit(second)).toBe(0);
  }, 120_000);
});
