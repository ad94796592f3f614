import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from '../lib/definitions/web.ts';
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
 * Serves the built web assets (dist/web) the way CloudFront does: `/` is index.html,
 * `/inbox` is inbox.html, and every response carries the strict security headers.
 */
export function createStaticHandler(rootDir: string) {
  const headers = securityHeaders();
  return async (pathname: string): Promise<StaticResponse | undefined> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const clean = path.posix.normalize(decoded).replace(/^(\.\.(\/|$))+/, '');
    const candidates = clean.endsWith('/')
      ? [`${clean}index.html`]
      : path.posix.extname(clean)
        ? [clean]
        : [`${clean}.html`, `${clean}/index.html`];
    for (const candidate of candidates) {
      const file = path.join(rootDir, candidate);
      if (!file.startsWith(rootDir)) return undefined;
      try {
        const body = await readFile(file);
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
