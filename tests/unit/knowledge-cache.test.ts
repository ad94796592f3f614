import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeCache } from '../../functions/lib/knowledge/cache.ts';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import type { KnowledgeSnapshot } from '../../functions/lib/knowledge/schema.ts';

async function setup() {
  const report = await loadKnowledgeDir();
  if (!report.settings) throw new Error('settings missing');
  const settings = report.settings;
  let version = 1;
  const calls = { load: 0, version: 0 };
  const cache = createKnowledgeCache({
    checkIntervalMs: 0,
    load: async (): Promise<KnowledgeSnapshot> => {
      calls.load++;
      return { version, settings, entries: report.entries };
    },
    readVersion: async () => {
      calls.version++;
      return version;
    },
  });
  return { cache, calls, publish: () => version++ };
}

describe('the knowledge cache of the ask function', () => {
  it('loads once and then only checks the version', async () => {
    const { cache, calls } = await setup();
    await cache.get();
    await cache.get();
    await cache.get();
    expect(calls).toEqual({ load: 1, version: 2 });
  });

  it('reloads when a new version is published', async () => {
    const { cache, calls, publish } = await setup();
    const first = await cache.get();
    publish();
    const second = await cache.get();
    expect(calls.load).toBe(2);
    expect(second.snapshot.version).toBe(first.snapshot.version + 1);
  });

  it('shares one load between concurrent first requests', async () => {
    const { cache, calls } = await setup();
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(calls.load).toBe(1);
  });
});

describe('a knowledge folder read again', () => {
  it('gives each caller its own report, and a changed folder a new one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
    try {
      cpSync('knowledge', dir, { recursive: true, filter: (source) => !source.includes('/eval') });
      const first = await loadKnowledgeDir(dir);
      const firstEntry = first.entries[0];
      if (!firstEntry) throw new Error('no entries');
      firstEntry.de.question = 'changed by one caller';
      const second = await loadKnowledgeDir(dir);
      expect(second.entries[0]?.de.question).not.toBe('changed by one caller');
      const file = path.join(dir, 'entries', `${firstEntry.id}.yaml`);
      writeFileSync(file, 'not: [valid');
      expect((await loadKnowledgeDir(dir)).problems.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
