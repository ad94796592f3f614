import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StaffConfig } from '../../web/shared/staff-auth.ts';
import { securityHeaders } from '../lib/definitions/web.ts';
import { isRenderedFile, renderTownPage } from '../lib/knowledge/pages.ts';
import type { Settings } from '../lib/knowledge/schema.ts';
import type { StaticResponse } from './server.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What the deployment writes to `/staff-config.json` (see web/shared/staff-auth.ts), for the local
 * server: same-origin API, token sign-in. Served so staff pages find it instead of logging a 404.
 */
export const localStaffConfig: StaffConfig = { api: '', auth: 'token', cognitoDomain: '', clientId: '' };

/**
 * Serves the built web assets (dist/web) the way CloudFront does: `/` is index.html,
 * `/inbox` is inbox.html, and every response carries the strict security headers. Pages and
 * stylesheets are rendered with the published settings on each request (the town's names,
 * contacts, colours; pages.ts), as the deploy renders them at synth time.
 */
export function createStaticHandler(rootDir: string, settings?: () => Promise<Settings | undefined>) {
  const headers = securityHeaders();
  return async (pathname: string): Promise<StaticResponse | undefined> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const clean = path.posix.normalize(decoded).replace(/^(\.\.(\/|$))+/, '');
    if (clean === '/staff-config.json') {
      return {
        status: 200,
        headers: { ...headers, 'content-type': types['.json'] as string, 'cache-control': 'no-store' },
        body: Buffer.from(JSON.stringify(localStaffConfig)),
      };
    }
    const candidates = clean.endsWith('/')
      ? [`${clean}index.html`]
      : path.posix.extname(clean)
        ? [clean]
        : [`${clean}.html`, `${clean}/index.html`];
    for (const candidate of candidates) {
      const file = path.join(rootDir, candidate);
      if (!file.startsWith(rootDir)) return undefined;
      try {
        let body = await readFile(file);
        const current = isRenderedFile(file) && settings ? await settings() : undefined;
        if (current) body = Buffer.from(renderTownPage(body.toString('utf8'), current));
        const type = types[path.extname(file)] ?? 'application/octet-stream';
        return {
          status: 200,
          headers: { ...headers, 'content-type': type, 'cache-control': 'no-cache' },
          body,
        };
      } catch {
        // try the next candidate
      }
    }
    return undefined;
  };
}
