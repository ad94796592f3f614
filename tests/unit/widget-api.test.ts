import { describe, expect, it } from 'vitest';
import { ApiError, createApi, type EscalationRequest, retryDelay } from '../../web/widget/api.ts';

const request: EscalationRequest = {
  question: 'Wurden meine Daten gestohlen?',
  consent: true,
  clientToken: '5b0f6a43-8a51-4c1f-9d0e-5f0a3d1e2b7c',
  website: '',
};

const noSleep = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, sleep: async () => {} };

function fakeFetch(answers: (() => Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('unexpected call');
    return next();
  }) as unknown as typeof fetch;
  return { calls, impl };
}

const created = () =>
  new Response(JSON.stringify({ ticketId: 'T1', secret: 's3cret', status: 'open' }), { status: 201 });

describe('widget API client', () => {
  it('retries network errors and 503 with the same client token and body', async () => {
    const { calls, impl } = fakeFetch([
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => new Response('{}', { status: 503, headers: { 'retry-after': '2' } }),
      created,
    ]);
    const api = createApi('https://api.example', impl);
    expect(await api.escalate(request, noSleep)).toEqual({ ticketId: 'T1', secret: 's3cret' });
    expect(calls).toHaveLength(3);
    const bodies = new Set(calls.map((call) => call.init.body));
    expect(bodies.size).toBe(1);
    expect(JSON.parse(String([...bodies][0])).clientToken).toBe(request.clientToken);
    expect(calls.every((call) => call.init.credentials === 'omit')).toBe(true);
  });

  it('gives up after three attempts and does not retry 4xx', async () => {
    const failing = fakeFetch([503, 503, 503].map((status) => () => new Response('{}', { status })));
    await expect(createApi('', failing.impl).escalate(request, noSleep)).rejects.toMatchObject({
      status: 503,
    });
    expect(failing.calls).toHaveLength(3);
    const refused = fakeFetch([() => new Response('{}', { status: 409 })]);
    await expect(createApi('', refused.impl).escalate(request, noSleep)).rejects.toMatchObject({
      status: 409,
    });
    expect(refused.calls).toHaveLength(1);
  });

  it('honours Retry-After up to the cap', () => {
    const options = { attempts: 3, baseDelayMs: 500, maxDelayMs: 5000 };
    expect(retryDelay(1, new ApiError(503, 'service_unavailable', '', 2), options)).toBe(2000);
    expect(retryDelay(1, new ApiError(503, 'service_unavailable', '', 3600), options)).toBe(5000);
    expect(retryDelay(2, new ApiError(0, 'network'), options)).toBe(1000);
  });

  it('sends the ticket secret as a header, never in the URL', async () => {
    const { calls, impl } = fakeFetch([() => new Response(null, { status: 204 })]);
    await createApi('https://api.example', impl).erase({ ticketId: 'a/b', secret: 'top' });
    expect(calls[0]?.url).toBe('https://api.example/v1/escalations/a%2Fb');
    expect(calls[0]?.init.method).toBe('DELETE');
    expect((calls[0]?.init.headers ?? {}) as Record<string, string>).toMatchObject({
      'x-ticket-secret': 'top',
    });
  });
});
