/**
 * The widget's calls to the public API. No cookies or credentials are ever sent; every call has
 * a time-out. Forwarding a question retries transient failures with the SAME client token and
 * body, so the server recognises the repeat and never creates a second ticket.
 */
// The response contract comes from the ask function itself (a type-only import: nothing of the
// server is bundled), so the widget and the API cannot drift apart.
import type { AskResponse } from '../../functions/lib/ask/ask.ts';
import type { StartersResponse } from '../../functions/lib/ask/starters.ts';
import type { EscalationRequest } from '../../functions/lib/escalations/requests.ts';
import type { CitizenView, SubmitResult } from '../../functions/lib/escalations/tickets.ts';
import { ApiError, createClient } from '../shared/api-client.ts';
import { type Challenge, solveChallenge } from './pow.ts';

export type { AskResponse, EscalationRequest, StartersResponse };
export type EntryBrief = AskResponse['suggestions'][number];
/**
 * What the citizen keeps of a forwarded question: the reference and the access code; right after
 * forwarding also whether a confirmation mail went out (`pending`: the answer is mailed only once
 * the address is confirmed, and is always readable in the widget).
 */
export type TicketRef = Pick<SubmitResult, 'ticketId' | 'secret'> &
  Partial<Pick<SubmitResult, 'emailConfirmation'>>;
export type TicketStatus = CitizenView;

export { ApiError };

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  /** Upper bound for any wait, also for a longer Retry-After. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultRetry: RetryOptions = { attempts: 3, baseDelayMs: 600, maxDelayMs: 5000 };

/** True for failures a retry may cure: network errors and 5xx answers. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** The wait before retry `attempt` (1-based): Retry-After when given, else exponential, capped. */
export function retryDelay(attempt: number, error: unknown, options: RetryOptions): number {
  const hinted = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  const wait = hinted !== undefined ? hinted * 1000 : options.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(options.maxDelayMs, Math.max(0, wait));
}

/** Runs `call` up to `attempts` times while it fails transiently. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = defaultRetry): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.attempts || !isTransient(error)) throw error;
      await sleep(retryDelay(attempt, error, options));
    }
  }
}

/** A client for the API at `base` (an origin, or '' for the page's own origin). */
export function createApi(base: string, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  const call = createClient({ base, fetchImpl });
  const ticketPath = (id: string) => `/v1/escalations/${encodeURIComponent(id)}`;
  // The single-use vote token of each answer shown, by entry: a vote spends it.
  const voteTokens = new Map<string, string>();
  const submit = (request: EscalationRequest, retry: RetryOptions) =>
    withRetry(() => call('POST', '/v1/escalations', request), retry);
  return {
    async ask(question: string, locale?: string): Promise<AskResponse> {
      const response: AskResponse = await (
        await call('POST', '/v1/ask', locale ? { question, locale } : { question })
      ).json();
      if (response.answer?.voteToken) voteTokens.set(response.answer.entryId, response.answer.voteToken);
      return response;
    },
    async starters(locale: string): Promise<StartersResponse> {
      return (await call('GET', `/v1/starters?locale=${encodeURIComponent(locale)}`)).json();
    },
    async feedback(entryId: string, helpful: boolean): Promise<void> {
      const voteToken = voteTokens.get(entryId);
      voteTokens.delete(entryId);
      await call('POST', '/v1/feedback', { entryId, helpful, ...(voteToken ? { voteToken } : {}) });
    },
    /**
     * Forwards a question; retries with the same token and body (idempotent on the server).
     * When the server asks for a proof of work (428), solves it invisibly and sends once more.
     */
    async escalate(request: EscalationRequest, retry: RetryOptions = defaultRetry): Promise<TicketRef> {
      let response: Response;
      try {
        response = await submit(request, retry);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'challenge_required') throw error;
        const challenge = (await (await call('GET', '/v1/challenge')).json()) as Challenge;
        const altcha = await solveChallenge(challenge);
        if (!altcha) throw error;
        response = await submit({ ...request, altcha }, retry);
      }
      const { ticketId, secret, emailConfirmation } = (await response.json()) as TicketRef;
      return { ticketId, secret, ...(emailConfirmation ? { emailConfirmation } : {}) };
    },
    async ticket({ ticketId, secret }: TicketRef): Promise<TicketStatus> {
      return (await call('GET', ticketPath(ticketId), undefined, { 'x-ticket-secret': secret })).json();
    },
    async erase({ ticketId, secret }: TicketRef): Promise<void> {
      await call('DELETE', ticketPath(ticketId), undefined, { 'x-ticket-secret': secret });
    },
  };
}

export type Api = ReturnType<typeof createApi>;
