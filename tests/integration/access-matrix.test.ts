import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { apiGatewayClaims, createLocalServer, listen } from '../../functions/local/server.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  checkMatrix,
  coverage,
  identities,
  type MatrixContext,
  matrixRows,
  matrixTicket,
} from '../support/access-matrix.ts';
import { setEscalationSettings } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { startTestStack } from '../support/stack.ts';

const logs = captureLogs();
let stack: LocalStack;
let context: MatrixContext;

beforeAll(async () => {
  stack = await startTestStack();
  await setEscalationSettings({ perClientDailyCap: 100_000, globalDailyCap: 100_000 });
  context = { stack, ticketId: await matrixTicket(stack) };
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

describe('access control matrix (every route x every identity)', () => {
  it('has exactly one row per route of the route table, and a cell for every identity', () => {
    expect(coverage()).toEqual({ missing: [], unknown: [], repeated: [] });
    for (const row of matrixRows) expect(Object.keys(row.expected).sort()).toEqual([...identities].sort());
  });

  it('answers every cell with its expected status', async () => {
    // The forged token carries a local-looking key id: the issuer says so once, read here.
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warned.mockRestore());
    expect(await checkMatrix(context)).toEqual([]);
    expect(warned).toHaveBeenCalledWith(
      expect.stringContaining('signed with another local key (dev-forged)'),
    );
  }, 60_000);

  it('catches a planted defect: an authorizer that decodes tokens without verifying them', async () => {
    // Same handlers, but the JWT check trusts whatever the token claims (signature, expiry, issuer).
    const broken = createLocalServer({
      port: 0,
      allowedOrigins: [],
      verifyToken: async (token) => apiGatewayClaims(decodeJwt(token) as Record<string, unknown>),
    });
    const url = await listen(broken, 0);
    try {
      const rows = matrixRows.filter((row) => row.route === 'GET /v1/inbox');
      const wrong = await checkMatrix(context, rows, url);
      expect(wrong.map((cell) => cell.identity).sort()).toEqual(
        ['alg-none', 'expired-token', 'forged-token', 'wrong-audience', 'wrong-issuer'].sort(),
      );
      expect(wrong.every((cell) => cell.expected === 401 && cell.actual === 200)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => {
        broken.close(() => resolve());
        broken.closeAllConnections();
      });
    }
  });
});
