import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dataDirMismatch,
  dataDirPrefix,
  defaultDataDir,
  registerServer,
  resolveDataDir,
  runningServers,
} from '../../functions/local/data-dir.ts';
import { createStaticHandler } from '../../functions/local/static.ts';

const saved = process.env.DATA_DIR;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  if (saved === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = saved;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the local data folder', () => {
  it('when DATA_DIR is unset › npm start, token and kb all use .local/ in the repository', () => {
    delete process.env.DATA_DIR;
    expect(resolveDataDir()).toBe(defaultDataDir);
    expect(dataDirPrefix(resolveDataDir())).toBe('');
  });

  it('when DATA_DIR is set › it is used, resolved, and named in the commands the banner prints', () => {
    process.env.DATA_DIR = 'some/relative/folder';
    expect(resolveDataDir()).toBe(path.resolve('some/relative/folder'));
    expect(dataDirPrefix('/srv/faq')).toBe('DATA_DIR=/srv/faq ');
  });

  it('when a running server uses another folder › a token or kb run is warned, with the fixing command', async () => {
    cleanups.push(await registerServer({ url: 'http://127.0.0.1:3999', dataDir: '/srv/faq-test' }));
    expect((await runningServers()).map((server) => server.url)).toContain('http://127.0.0.1:3999');
    const warning = await dataDirMismatch(
      defaultDataDir,
      'the server will reject this token',
      'npm run token',
    );
    expect(warning).toContain('http://127.0.0.1:3999 uses /srv/faq-test');
    expect(warning).toContain('DATA_DIR=/srv/faq-test npm run token');
    expect(await dataDirMismatch('/srv/faq-test', 'x', 'npm run token')).toBeUndefined();
  });
});

describe('the local static server', () => {
  it('when a staff page asks for /staff-config.json › it gets token sign-in against its own origin', async () => {
    const serve = createStaticHandler(path.join(defaultDataDir, 'no-such-web-root'));
    const response = await serve('/staff-config.json');
    expect(response?.status).toBe(200);
    expect(JSON.parse(String(response?.body))).toEqual({
      api: '',
      auth: 'token',
      cognitoDomain: '',
      clientId: '',
    });
  });
});
