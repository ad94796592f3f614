import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { request, startTestStack } from '../support/stack.ts';

// knowledge/settings.yaml allows these origins (plus the stack's own origin).
const allowed = 'http://localhost:3000';
const foreign = ['https://evil.example', 'http://localhost:3001', 'null'];

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

const preflight = (origin: string, path = '/v1/ask') =>
  request(`${stack.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('CORS', () => {
  it('answers a preflight from an allowed origin with the allow headers', async () => {
    for (const path of ['/v1/ask', '/v1/feedback']) {
      const response = await preflight(allowed, path);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
      expect(response.headers.get('vary')?.toLowerCase()).toContain('origin');
    }
  });

  it('gives a preflight from another origin or from Origin: null no allow header', async () => {
    for (const origin of foreign) {
      const response = await preflight(origin);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(response.headers.get('access-control-allow-methods'), origin).toBeNull();
      expect(response.headers.get('access-control-allow-headers'), origin).toBeNull();
    }
  });

  it('never uses a wildcard and echoes only an allowed origin on actual requests', async () => {
    const ok = await request(`${stack.url}/v1/ask`, {
      body: { question: 'Was ist passiert?' },
      headers: { origin: allowed },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    for (const origin of foreign) {
      const response = await request(`${stack.url}/v1/ask`, {
        body: { question: 'Was ist passiert?' },
        headers: { origin },
      });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    const noOrigin = await request(`${stack.url}/v1/ask`, { body: { question: 'Was ist passiert?' } });
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('also allows the stack origin itself (the demo page embeds the widget from there)', async () => {
    const response = await preflight(stack.url);
    expect(response.headers.get('access-control-allow-origin')).toBe(stack.url);
  });

  it('sends no credentials header (the widget needs no cookies)', async () => {
    const response = await preflight(allowed);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
