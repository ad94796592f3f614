/**
 * Fixed retention periods of the tickets table's bookkeeping (the configurable ones are in the
 * settings). The privacy notice states each of them; tests/unit/privacy-page.test.ts checks it.
 */
export const ticketBookkeeping = {
  /** The idempotency record of a submission (no secret in it). */
  idempotencyHours: 24,
  /** Per-bucket and town-wide daily counters, the daily salt. */
  counterDays: 2,
} as const;
