import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createOutboxMailer } from '../../functions/lib/adapters/mail.ts';
import { createNotifyHandler } from '../../functions/lib/escalations/notifications.ts';
import { loadPublished } from '../../functions/lib/knowledge/store.ts';
import { type FaultStats, faultyMailer, installDynamoFaults } from '../../functions/local/faults.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { allTicketItems, setEscalationSettings } from '../support/escalations.ts';
import { readOutbox } from '../support/mail.ts';
import { type Canary, findGenericLeaks, findLeaks, tableEntries } from '../support/privacy-audit.ts';
import { type LoadQuestion, loadQuestions } from './questions.ts';

/**
 * The load run with accounting, reusable by the CLI (`npm run load`) and by a bounded test:
 * closed-loop citizens against a running local stack, optional injected faults, then a full
 * reckoning of every forwarded question against the tickets table and the outbox.
 */
export interface LoadOptions {
  stack: LocalStack;
  durationMs: number;
  clients: number;
  /** Share of actions that forward a question (the rest ask, vote, read the change log). */
  forwardShare: number;
  /** Injected DynamoDB and mail fault rate per call, 0 for a clean run. */
  faultRate: number;
  /** Attempts per forwarded question before the client gives up (default 8). */
  maxAttempts?: number;
  /** Upper bound for honouring Retry-After, in ms (default 1000: a load run cannot wait 2 s). */
  retryAfterCapMs?: number;
  /**
   * Keep going after `durationMs` (up to three times as long) until a fault has been injected
   * before a write, after a write and on a read: a short run on a slow machine made too few
   * writes to be sure of both write phases (a test asserting them failed once in round 22).
   */
  untilEveryFaultPhase?: boolean;
}

export interface RouteFigures {
  route: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  '2xx': number;
  '4xx': number;
  http429: number;
  http503: number;
  http5xx: number;
  network: number;
}

export interface LoadReport {
  durationSeconds: number;
  clients: number;
  forwardShare: number;
  faultRate: number;
  requests: number;
  throughputPerSecond: number;
  routes: RouteFigures[];
  statuses: Record<string, number>;
  faults: { dynamodb: FaultStats; mail: FaultStats };
  retries: number;
  forwarded: { attempted: number; acknowledged: number; gaveUp: number; refused: Record<string, number> };
  accounting: {
    ticketsInTable: number;
    lost: number;
    duplicated: number;
    orphanedClientGaveUp: number;
    unexplained: number;
  };
  notices: { tickets: number; sent: number; missing: number; duplicate: number; failedRecords: number };
  privacy: { logLines: number; leaks: number };
  problems: string[];
  ok: boolean;
}

interface Response {
  status: number;
  headers: Headers | undefined;
  body: unknown;
}

interface Forwarded {
  clientToken: string;
  nonce: string;
  email?: string;
  ticketId?: string;
  gaveUp?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

/** Swallows the structured (JSON) log lines while the run lasts and keeps them for the audit. */
function captureJsonLogs() {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const original = originals[index] as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      if (text.startsWith('{')) {
        lines.push(text);
        return true;
      }
      return original.call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    lines,
    stop() {
      streams.forEach((stream, index) => {
        stream.write = originals[index] as typeof stream.write;
      });
    },
  };
}

/** Runs the load, then accounts for every forwarded question. Never throws for a failed check. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { stack } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryAfterCapMs = options.retryAfterCapMs ?? 1000;
  const questions = await loadQuestions();
  // Every load client comes from 127.0.0.1: the daily caps are raised for this stack's table only.
  await setEscalationSettings({ perClientDailyCap: 10_000_000, globalDailyCap: 10_000_000 });

  const mailer = faultyMailer(createOutboxMailer(path.join(stack.spoolDir, 'outbox')), {
    rate: options.faultRate,
  });
  stack.streams.setConsumer(
    stack.database.tableNames.tickets,
    createNotifyHandler({ mailer, inboxUrl: `${stack.url}/inbox` }),
  );

  const latencies = new Map<string, number[]>();
  const routeStatus = new Map<string, Record<string, number>>();
  const statuses: Record<string, number> = {};
  const forwarded: Forwarded[] = [];
  const refused: Record<string, number> = {};
  const canaries: Canary[] = [];
  let requests = 0;
  let retries = 0;

  async function call(route: string, url: string, init: RequestInit): Promise<Response> {
    const started = performance.now();
    let response: Response;
    try {
      const answer = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
      const text = await answer.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      response = { status: answer.status, headers: answer.headers, body };
    } catch {
      response = { status: 0, headers: undefined, body: undefined };
    }
    const elapsed = performance.now() - started;
    requests += 1;
    const list = latencies.get(route) ?? [];
    list.push(elapsed);
    latencies.set(route, list);
    const key = response.status === 0 ? 'network' : String(response.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    const perRoute = routeStatus.get(route) ?? {};
    perRoute[key] = (perRoute[key] ?? 0) + 1;
    routeStatus.set(route, perRoute);
    return response;
  }

  const retryable = (status: number) => status === 0 || status >= 500;
  const backoff = async (response: Response) => {
    const retryAfter = Number(response.headers?.get('retry-after') ?? 1);
    const wait = Math.min(retryAfterCapMs, (Number.isFinite(retryAfter) ? retryAfter : 1) * 1000);
    retries += 1;
    await sleep(wait * (0.5 + Math.random() / 2));
  };
  const jsonInit = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const pick = (): LoadQuestion =>
    questions[Math.floor(Math.random() * questions.length)] ?? {
      question: 'Was ist passiert?',
      locale: 'de',
    };
  const newNonce = () => `lq${randomBytes(6).toString('hex')}`;

  async function ask(): Promise<void> {
    const base = pick();
    let question = base.question;
    // Some citizens type personal data or distinctive text: canaries for the privacy audit.
    const roll = Math.random();
    if (roll < 0.05) {
      const address = `frage.${newNonce()}@example.org`;
      canaries.push({ label: 'email', value: address });
      question = `${question} Meine Adresse: ${address}`;
    } else if (roll < 0.15) {
      const nonce = newNonce();
      canaries.push({ label: 'question', value: nonce });
      question = `${question} ${nonce}`;
    }
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await call(
        'POST /v1/ask',
        `${stack.url}/v1/ask`,
        jsonInit({ question, locale: base.locale }),
      );
      if (retryable(response.status) && attempt < 3) {
        await backoff(response);
        continue;
      }
      const answer = (response.body as { answer?: { entryId?: string; voteToken?: string } } | undefined)
        ?.answer;
      const entryId = answer?.entryId;
      if (response.status === 200 && entryId && Math.random() < 0.15) {
        // The vote spends the answer's single-use token, as the widget does.
        await call(
          'POST /v1/feedback',
          `${stack.url}/v1/feedback`,
          jsonInit({ entryId, helpful: Math.random() < 0.8, voteToken: answer?.voteToken }),
        );
      }
      return;
    }
  }

  async function forward(): Promise<void> {
    const nonce = newNonce();
    const base = pick();
    const entry: Forwarded = { clientToken: randomUUID(), nonce };
    if (Math.random() < 0.5) entry.email = `buerger.${nonce}@example.org`;
    forwarded.push(entry);
    canaries.push({ label: 'question', value: nonce }, { label: 'token', value: entry.clientToken });
    if (entry.email) canaries.push({ label: 'email', value: entry.email });
    const body = {
      question: `${base.question} (Vorgang ${nonce})`,
      locale: base.locale,
      consent: true,
      clientToken: entry.clientToken,
      ...(entry.email ? { email: entry.email } : {}),
    };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const response = await call('POST /v1/escalations', `${stack.url}/v1/escalations`, jsonInit(body));
      if (response.status === 201) {
        const result = response.body as { ticketId: string; secret: string };
        entry.ticketId = result.ticketId;
        canaries.push({ label: 'secret', value: result.secret });
        return;
      }
      if (!retryable(response.status)) {
        const code = `${response.status} ${(response.body as { error?: { code?: string } })?.error?.code ?? ''}`;
        refused[code] = (refused[code] ?? 0) + 1;
        return;
      }
      if (attempt < maxAttempts) await backoff(response);
    }
    entry.gaveUp = true;
  }

  async function other(): Promise<void> {
    if (Math.random() < 0.5) await call('GET /v1/changelog', `${stack.url}/v1/changelog`, {});
    else await call('GET /v1/health', `${stack.url}/v1/health`, {});
  }

  // Tickets filed before the run (a test's own) are not the run's to account for.
  const earlier = new Set(
    (await allTicketItems()).filter((item) => item.sk === 'TICKET').map((item) => String(item.pk)),
  );
  const logs = captureJsonLogs();
  const faults = installDynamoFaults({ rate: options.faultRate });
  const started = Date.now();
  const deadline = started + options.durationMs;
  const lastDeadline = started + 3 * options.durationMs;
  const phasesMissing = () =>
    options.untilEveryFaultPhase === true && Object.values(faults.stats.byPhase).some((count) => count === 0);
  const goOn = () => Date.now() < deadline || (phasesMissing() && Date.now() < lastDeadline);
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (goOn()) {
          const roll = Math.random();
          if (roll < options.forwardShare) await forward();
          else if (roll < options.forwardShare + 0.02) await other();
          else await ask();
        }
      }),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    // Notifications still in flight run under faults too; then everything settles without them.
    await stack.streams.drain();
    faults.setRate(0);
    mailer.setRate(0);
    await stack.streams.drain();
    logs.stop();
    return await account(elapsedSeconds);
  } finally {
    faults.uninstall();
    logs.stop();
  }

  async function account(elapsedSeconds: number): Promise<LoadReport> {
    const problems: string[] = [];
    const items = await allTicketItems();
    const tickets = items.filter((item) => item.sk === 'TICKET' && !earlier.has(String(item.pk)));
    const byToken = new Map<string, Record<string, unknown>[]>();
    const byNonce = new Map<string, number>();
    for (const ticket of tickets) {
      const token = String(ticket.clientToken);
      byToken.set(token, [...(byToken.get(token) ?? []), ticket]);
      const nonce = /\(Vorgang (lq[0-9a-f]+)\)/.exec(String(ticket.question))?.[1];
      if (nonce) byNonce.set(nonce, (byNonce.get(nonce) ?? 0) + 1);
    }
    const acknowledged = forwarded.filter((entry) => entry.ticketId);
    const lost = acknowledged.filter(
      (entry) => !byToken.get(entry.clientToken)?.some((ticket) => ticket.ticketId === entry.ticketId),
    ).length;
    const duplicated =
      [...byToken.values()].filter((list) => list.length > 1).length +
      [...byNonce.values()].filter((count) => count > 1).length;
    const known = new Map(forwarded.map((entry) => [entry.clientToken, entry]));
    let orphaned = 0;
    let unexplained = 0;
    for (const [token] of byToken) {
      const entry = known.get(token);
      if (entry?.ticketId) continue;
      if (entry?.gaveUp) orphaned += 1;
      else unexplained += 1;
    }

    const notices = new Map<string, number>();
    for (const mail of await readOutbox(stack.spoolDir)) {
      const ticketId = /(STR-[0-9A-Z]{4}-[0-9A-Z]{4})-dpo-notice\.eml$/.exec(mail.file)?.[1];
      if (ticketId) notices.set(ticketId, (notices.get(ticketId) ?? 0) + 1);
    }
    const ticketIds = tickets.map((ticket) => String(ticket.ticketId));
    const missing = ticketIds.filter((id) => !notices.has(id)).length;
    const duplicateNotices = ticketIds.filter((id) => (notices.get(id) ?? 0) > 1).length;
    const sent = ticketIds.reduce((sum, id) => sum + (notices.get(id) ?? 0), 0);

    const logSource = { name: 'logs', entries: logs.lines };
    const contact = (await loadPublished())?.settings.contact;
    const ownDomains = [contact?.senderAddress, contact?.dpoMailbox, contact?.dpo.email]
      .map((address) => address?.split('@')[1])
      .filter((domain): domain is string => Boolean(domain));
    const analytics = { name: 'analytics', entries: await tableEntries('analytics'), allow: ['question'] };
    const leaks = [
      ...findLeaks(canaries, [logSource, analytics]),
      ...findGenericLeaks([logSource, analytics], ownDomains),
    ];

    const count500 = Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500 && status !== '503')
      .reduce((sum, [, count]) => sum + count, 0);
    if (lost > 0) problems.push(`${lost} acknowledged forwarded question(s) lost`);
    if (duplicated > 0) problems.push(`${duplicated} forwarded question(s) stored more than once`);
    if (unexplained > 0) problems.push(`${unexplained} ticket(s) no client asked for`);
    const refusedCount = Object.values(refused).reduce((sum, count) => sum + count, 0);
    if (refusedCount > 0) problems.push(`${refusedCount} valid forwarded question(s) refused with a 4xx`);
    if (count500 > 0) problems.push(`${count500} response(s) with a 5xx other than 503`);
    if (missing > 0) problems.push(`${missing} ticket(s) without a DPO notice`);
    if (duplicateNotices > 0) problems.push(`${duplicateNotices} ticket(s) with more than one DPO notice`);
    if (stack.streams.failed.length > 0)
      problems.push(`${stack.streams.failed.length} stream record(s) given up on`);
    if (leaks.length > 0)
      problems.push(
        `${leaks.length} privacy leak(s): ${[...new Set(leaks.map((leak) => `${leak.label} in ${leak.source}`))].join(', ')}`,
      );

    const routes = [...latencies.entries()].sort().map(([route, values]): RouteFigures => {
      const sorted = [...values].sort((a, b) => a - b);
      const counts = routeStatus.get(route) ?? {};
      const sum = (test: (status: number) => boolean) =>
        Object.entries(counts)
          .filter(([status]) => status !== 'network' && test(Number(status)))
          .reduce((total, [, count]) => total + count, 0);
      return {
        route,
        requests: values.length,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        '2xx': sum((status) => status >= 200 && status < 300),
        '4xx': sum((status) => status >= 400 && status < 500 && status !== 429),
        http429: counts['429'] ?? 0,
        http503: counts['503'] ?? 0,
        http5xx: sum((status) => status >= 500 && status !== 503),
        network: counts.network ?? 0,
      };
    });
    return {
      durationSeconds: Math.round(elapsedSeconds * 10) / 10,
      clients: options.clients,
      forwardShare: options.forwardShare,
      faultRate: options.faultRate,
      requests,
      throughputPerSecond: Math.round((requests / elapsedSeconds) * 10) / 10,
      routes,
      statuses,
      faults: { dynamodb: faults.stats, mail: mailer.stats },
      retries,
      forwarded: {
        attempted: forwarded.length,
        acknowledged: acknowledged.length,
        gaveUp: forwarded.filter((entry) => entry.gaveUp).length,
        refused,
      },
      accounting: {
        ticketsInTable: tickets.length,
        lost,
        duplicated,
        orphanedClientGaveUp: orphaned,
        unexplained,
      },
      notices: {
        tickets: tickets.length,
        sent,
        missing,
        duplicate: duplicateNotices,
        failedRecords: stack.streams.failed.length,
      },
      privacy: { logLines: logs.lines.length, leaks: leaks.length },
      problems,
      ok: problems.length === 0,
    };
  }
}
