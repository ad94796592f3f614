// Local only (load runs and tests): never imported by a Lambda handler, so never bundled.
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/adapters/dynamodb.ts';
import type { Mailer } from '../lib/adapters/mail.ts';
import { getNumberFromEnv } from '../lib/config/env.ts';

/**
 * Fault injection for the shared DynamoDB document client and for mail transports.
 *
 * What is injected, at `rate` per command (independently drawn):
 * - reads (Get/Query/Scan) and writes, BEFORE the command is sent (nothing persisted):
 *   `ProvisionedThroughputExceededException` / `ThrottlingException` (400, `$retryable` throttling),
 *   `InternalServerError` (500) and `TimeoutError` (no response);
 * - writes, AFTER the command was persisted (the client still sees an error): `InternalServerError`
 *   and `TimeoutError`, the two failures DynamoDB documents as "the write may have happened".
 *   This is the nasty case for idempotency: the retry must converge on what was written;
 * - `ConditionalCheckFailedException`, BEFORE the write only, and only on the two conditional
 *   writes whose callers treat a refused condition as a race and re-read: the idempotency record
 *   (`TOKEN#…` put) and the version-checked ticket update. Elsewhere a refused condition is a
 *   business answer (cap reached, mail already sent, item exists), so a fake one would be a lie
 *   the code cannot detect, not a fault it should survive.
 *
 * The middleware sits at the top of the `initialize` step, outside the SDK's retry loop, so every
 * injected fault reaches the domain code (harsher than AWS, where the SDK retries some first),
 * and outside the local stream emulator, so an after-write fault still produces its stream record.
 */
export type FaultKind = 'throttling' | 'internal' | 'timeout' | 'conditional' | 'mail';
export type FaultPhase = 'before-write' | 'after-write' | 'read';

export interface FaultStats {
  injected: number;
  byKind: Record<FaultKind, number>;
  byPhase: Record<FaultPhase, number>;
}

export interface FaultController {
  readonly stats: FaultStats;
  /** Changes the rate (0 switches injection off without removing the middleware). */
  setRate(rate: number): void;
  uninstall(): void;
}

export interface FaultOptions {
  rate: number;
  /** Random source in [0, 1): tests pass a seeded one. */
  random?: () => number;
}

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
]);

/** `FAULT_RATE` from the environment (0 when unset); refuses values outside [0, 1). */
export function faultRateFromEnv(): number {
  const rate = getNumberFromEnv('FAULT_RATE', 0);
  if (!Number.isFinite(rate) || rate < 0 || rate >= 1) throw new Error('FAULT_RATE must be in [0, 1)');
  return rate;
}

/** An error shaped like the SDK's service exceptions (name, $fault, $metadata, $retryable). */
export function sdkError(kind: Exclude<FaultKind, 'mail'>, random: () => number = Math.random): Error {
  const requestId = randomUUID();
  switch (kind) {
    case 'throttling': {
      const name = random() < 0.5 ? 'ProvisionedThroughputExceededException' : 'ThrottlingException';
      return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
        name,
        $fault: 'client',
        $retryable: { throttling: true },
        $metadata: { httpStatusCode: 400, requestId, attempts: 1, totalRetryDelay: 0 },
      });
    }
    case 'internal':
      return Object.assign(new Error('Internal server error'), {
        name: 'InternalServerError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500, requestId, attempts: 1, totalRetryDelay: 0 },
      });
    case 'timeout':
      return Object.assign(new Error('Connection timed out after 1000 ms'), {
        name: 'TimeoutError',
        $metadata: { attempts: 1, totalRetryDelay: 0 },
      });
    case 'conditional':
      return Object.assign(new Error('The conditional request failed'), {
        name: 'ConditionalCheckFailedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400, requestId, attempts: 1, totalRetryDelay: 0 },
      });
  }
}

/** A key attribute in either form (document value or marshalled `{S: ...}`). */
function keyString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string')
    return (value as { S: string }).S;
  return '';
}

/** True for the conditional writes whose callers converge on a refused condition (see above). */
export function raceTolerant(commandName: string, input: Record<string, unknown>): boolean {
  const condition = String(input.ConditionExpression ?? '');
  if (!condition) return false;
  if (commandName === 'PutItemCommand' || commandName === 'PutCommand') {
    const item = (input.Item ?? {}) as Record<string, unknown>;
    return keyString(item.pk).startsWith('TOKEN#') && keyString(item.sk) === 'TOKEN';
  }
  if (commandName === 'UpdateItemCommand' || commandName === 'UpdateCommand') {
    const key = (input.Key ?? {}) as Record<string, unknown>;
    return keyString(key.sk) === 'TICKET' && condition.includes('#version = :expected');
  }
  return false;
}

function emptyStats(): FaultStats {
  return {
    injected: 0,
    byKind: { throttling: 0, internal: 0, timeout: 0, conditional: 0, mail: 0 },
    byPhase: { 'before-write': 0, 'after-write': 0, read: 0 },
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
}

/** Installs DynamoDB fault injection on a document client (the shared one by default). */
export function installDynamoFaults(
  options: FaultOptions,
  client: DynamoDBDocumentClient = documentClient(),
): FaultController {
  const random = options.random ?? Math.random;
  let rate = options.rate;
  const stats = emptyStats();
  const name = `localFaults-${randomUUID()}`;
  const record = (kind: FaultKind, phase: FaultPhase) => {
    stats.injected += 1;
    stats.byKind[kind] += 1;
    stats.byPhase[phase] += 1;
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (rate <= 0 || random() >= rate) return next(args);
      const commandName = context.commandName ?? '';
      const input = (args.input ?? {}) as Record<string, unknown>;
      if (!writeCommands.has(commandName)) {
        const kind = pick(['throttling', 'internal', 'timeout'] as const, random);
        record(kind, 'read');
        throw sdkError(kind, random);
      }
      if (random() < 0.5) {
        const kind = pick(['internal', 'timeout'] as const, random);
        const result = await next(args);
        void result; // persisted: the caller must not learn it
        record(kind, 'after-write');
        throw sdkError(kind, random);
      }
      const kinds = raceTolerant(commandName, input)
        ? (['throttling', 'internal', 'timeout', 'conditional'] as const)
        : (['throttling', 'internal', 'timeout'] as const);
      const kind = pick(kinds, random);
      record(kind, 'before-write');
      throw sdkError(kind, random);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return {
    stats,
    setRate(value) {
      rate = value;
    },
    uninstall() {
      client.middlewareStack.remove(name);
    },
  };
}

/** A mailer that refuses a message at `rate` before handing it to `inner` (SES-like throttling). */
export function faultyMailer(inner: Mailer, options: FaultOptions): Mailer & FaultController {
  const random = options.random ?? Math.random;
  let rate = options.rate;
  const stats = emptyStats();
  return {
    stats,
    setRate(value) {
      rate = value;
    },
    uninstall() {
      rate = 0;
    },
    async send(message) {
      if (rate > 0 && random() < rate) {
        stats.injected += 1;
        stats.byKind.mail += 1;
        throw Object.assign(new Error('Maximum sending rate exceeded.'), {
          name: 'TooManyRequestsException',
          $fault: 'client',
          $retryable: { throttling: true },
          $metadata: { httpStatusCode: 429 },
        });
      }
      return inner.send(message);
    },
  };
}

export interface TargetedFault {
  kind: Exclude<FaultKind, 'mail'>;
  /** `after-write` sends the command first, then throws (the write persisted). */
  phase: 'before' | 'after';
  /** Which commands to hit (SDK command name and input, in document or wire form). */
  matches: (commandName: string, input: Record<string, unknown>) => boolean;
  /** How many matching commands fail (default 1). */
  count?: number;
}

/** Makes the next matching command(s) fail in a chosen way (regression tests). Returns the remover. */
export function injectFault(
  fault: TargetedFault,
  client: DynamoDBDocumentClient = documentClient(),
): () => void {
  let remaining = fault.count ?? 1;
  const name = `targetedFault-${randomUUID()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args.input ?? {}) as Record<string, unknown>;
      if (remaining <= 0 || !fault.matches(context.commandName ?? '', input)) return next(args);
      remaining -= 1;
      if (fault.phase === 'after') await next(args);
      throw sdkError(fault.kind);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return () => {
    client.middlewareStack.remove(name);
  };
}
