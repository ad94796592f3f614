import { inject } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../functions/local/stack.ts';

/**
 * Starts the whole local stack in memory on a free port for one test file. Knowledge version
 * checks run on every request so that publishing is visible at once.
 */
export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<LocalStack> {
  // Built once per run by tests/support/global-setup.ts.
  return startLocalStack({
    knowledgeCheckIntervalMs: 0,
    webOutDir: inject('webOutDir'),
    prebuiltWeb: true,
    ...options,
  });
}

/** POSTs JSON (or a raw string) and returns status, headers and parsed JSON body. */
export async function request(
  url: string,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const hasBody = init.body !== undefined || init.raw !== undefined;
  const response = await fetch(url, {
    method: init.method ?? (hasBody ? 'POST' : 'GET'),
    headers: {
      ...(hasBody && init.raw === undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(hasBody ? { body: init.raw ?? JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}
