import { listByStatus, type QueueStatus, type TicketItem, updateTicket } from './ticket-store.ts';

/**
 * Statuses in which a forwarded question still waits for the DPO's answer: `open` (nobody took
 * it yet) and `claimed` (taken, not answered). Both count for the open-ticket alarm.
 */
export const waitingStatuses = ['open', 'claimed'] as const satisfies readonly QueueStatus[];

/**
 * The oldest non-expired ticket in a status: the first item of the `byStatus` index (sorted by
 * `createdAt`, oldest first). The query reads one item per page (`Limit: 1`); the filter on
 * expired items applies after the limit, so a page may come back empty: follow the pages until
 * an item turns up or the index is exhausted.
 */
export async function oldestTicketIn(status: QueueStatus): Promise<TicketItem | undefined> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await listByStatus(status, 1, startKey);
    const [first] = page.items;
    if (first) return first;
    startKey = page.lastKey;
  } while (startKey);
  return undefined;
}

/** The oldest ticket still waiting for an answer (open or claimed), or undefined when none waits. */
export async function oldestWaitingTicket(): Promise<TicketItem | undefined> {
  const candidates = await Promise.all(waitingStatuses.map((status) => oldestTicketIn(status)));
  return candidates
    .filter((ticket): ticket is TicketItem => ticket !== undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

/** Hours (two decimals, never negative) between a ticket's creation and `now`; 0 without a ticket. */
export function ticketAgeHours(ticket: Pick<TicketItem, 'createdAt'> | undefined, now = new Date()): number {
  if (!ticket) return 0;
  const created = Date.parse(ticket.createdAt);
  if (Number.isNaN(created)) return 0;
  const hours = (now.getTime() - created) / 3_600_000;
  return Math.max(0, Math.round(hours * 100) / 100);
}

/** Age in hours of the oldest ticket waiting for an answer; 0 when none waits. */
export async function oldestWaitingTicketAgeHours(now = new Date()): Promise<number> {
  return ticketAgeHours(await oldestWaitingTicket(), now);
}

/**
 * Closes answered tickets that nobody closed within `autoCloseDays` of the answer, so they
 * expire `retentionDays` later like any closed ticket; the audit trail says `auto-closed` by
 * `system`. Resolves how many were closed. Runs with the ticket-age schedule.
 */
export async function autoCloseAnswered(
  settings: { autoCloseDays: number; retentionDays: number },
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - settings.autoCloseDays * 86_400_000).toISOString();
  let closed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await listByStatus('answered', 100, startKey);
    for (const ticket of page.items) {
      if (!ticket.answeredAt || ticket.answeredAt > cutoff) continue;
      const at = now.toISOString();
      const updated = await updateTicket(ticket.ticketId, ticket.version, {
        set: {
          queueStatus: 'closed',
          closedAt: at,
          updatedAt: at,
          expiresAt: Math.floor(now.getTime() / 1000) + settings.retentionDays * 86_400,
        },
        audit: { actor: 'system', action: 'auto-closed', at },
      });
      // Someone changed it in between (closed it, erased it): their change stands.
      if (updated) closed++;
    }
    startKey = page.lastKey;
  } while (startKey);
  return closed;
}
