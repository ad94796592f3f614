import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutboxMail {
  file: string;
  raw: string;
  headers: Record<string, string>;
  text: string;
}

/** Reads the local outbox (.eml files): headers, and the decoded base64 text body. */
export async function readOutbox(spoolDir: string): Promise<OutboxMail[]> {
  const dir = path.join(spoolDir, 'outbox');
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(path.join(dir, file), 'utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n')) {
        const index = line.indexOf(':');
        if (index > 0) headers[line.slice(0, index).toLowerCase()] = line.slice(index + 1).trim();
      }
      return { file, raw, headers, text: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') };
    }),
  );
}

/** Decodes an RFC 2047 `=?UTF-8?B?...?=` header (or returns plain text unchanged). */
export function decodeHeader(value: string | undefined): string {
  return (value ?? '').replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, data: string) =>
    Buffer.from(data, 'base64').toString('utf8'),
  );
}
