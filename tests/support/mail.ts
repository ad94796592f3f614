import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export interface OutboxMail {
  file: string;
  raw: string;
  /** Header name (lower case) → unfolded, decoded value (the last one when a header repeats). */
  headers: Record<string, string>;
  /** Every header name in order, as written (after unfolding): for header-injection checks. */
  headerNames: string[];
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded, when there is one. */
  html?: string;
  /** The top-level content type without parameters, e.g. `multipart/alternative`. */
  contentType: string;
}

/** Decodes RFC 2047 encoded-words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`); plain text comes back unchanged. */
export function decodeHeader(value: string | undefined): string {
  return (value ?? '')
    .replace(/(\?=)\s+(?==\?)/g, '$1') // whitespace between adjacent encoded-words is not text
    .replace(/(?:=\?UTF-8\?[BQ]\?[^?]*\?=)+/gi, (run) => {
      const bytes = [...run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, data = '']) =>
        encoding?.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              'latin1',
            ),
      );
      return Buffer.concat(bytes).toString('utf8');
    });
}

/** Parses one .eml with a real MIME parser (mailparser), as a mail program would. */
export async function parseEml(file: string, raw: string): Promise<OutboxMail> {
  const parsed = await simpleParser(raw);
  const headers: Record<string, string> = {};
  const headerNames: string[] = [];
  for (const { line } of parsed.headerLines) {
    const unfolded = line.replace(/\r?\n[ \t]/g, ' ');
    const index = unfolded.indexOf(':');
    const name = unfolded.slice(0, index);
    headerNames.push(name);
    headers[name.toLowerCase()] = decodeHeader(unfolded.slice(index + 1).trim());
  }
  return {
    file,
    raw,
    headers,
    headerNames,
    text: parsed.text ?? '',
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    contentType: (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
  };
}

/** Reads the local outbox (.eml files), each parsed with mailparser. */
export async function readOutbox(spoolDir: string): Promise<OutboxMail[]> {
  const dir = path.join(spoolDir, 'outbox');
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.eml'))
    .sort();
  return Promise.all(files.map(async (file) => parseEml(file, await readFile(path.join(dir, file), 'utf8'))));
}
