import { appendFile, readdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { browserAvailable, chromiumOptions } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one Chromium (this setup); absent where it was not started (no Chromium). */
    browserWsEndpoint?: string;
  }
}

/**
 * Global setup of the browser project: one Chromium for the whole run, which every browser file
 * connects to (`launchBrowser()` in tests/support/browser.ts). A Chromium per file cost about
 * 3 CPU-seconds to start and stop, eight times a run. Files stay apart as before: each connects
 * with a Browser object of its own and gets contexts (and so renderer processes, cookies and
 * storage) of its own; closing a connected browser closes its contexts and disconnects.
 * Without Chromium nothing is started: the files skip, or fail under CI=true, as before.
 */
export default async function setup(project: TestProject) {
  if (!browserAvailable) return;
  const server = await chromium.launchServer(chromiumOptions);
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return async () => {
    const cpuLog = process.env.BROWSER_CPU_LOG;
    const pid = server.process().pid;
    if (cpuLog && pid !== undefined)
      await appendFile(
        cpuLog,
        `${JSON.stringify({ file: 'shared Chromium', chromium: await treeCpuSeconds(pid) })}\n`,
      );
    await server.close();
  };
}

/**
 * CPU seconds (user + system) of a process and its descendants: their own time plus that of
 * their ended children (`BROWSER_CPU_LOG`; Chromium is a child of vitest's main process here,
 * so no test process counts it any more).
 */
async function treeCpuSeconds(root: number): Promise<number> {
  const processes = new Map<number, { parent: number; ticks: number }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined) continue;
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // After the name: state, ppid (1), ... utime (11), stime (12), cutime (13), cstime (14).
    const ticks = (fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0);
    processes.set(Number(name), { parent: fields[1] ?? 0, ticks });
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid; current > 1; current = processes.get(current)?.parent ?? 0)
      if (current === root) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, entry] of processes) if (inTree(pid)) ticks += entry.ticks;
  return ticks / 100; // clock ticks (CLK_TCK 100)
}
