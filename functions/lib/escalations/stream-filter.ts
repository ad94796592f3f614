/**
 * The event filter of the tickets stream (Lambda FilterCriteria patterns, applied by the CDK
 * stack): `notify` is invoked only for the records `mailFor` (notifications.ts) acts on.
 * Without it every token, counter and marker write invoked the function (~8 per ticket).
 *
 * - a ticket item is created (pk `TICKET#…`, sk `TICKET`): the DPO notice;
 * - a ticket item is modified and its new `queueStatus` is `answered`: the answer mail. Whether
 *   it *became* answered is left to `mailFor`, because a filter cannot compare old and new images
 *   when the old image may lack the attribute; repeats are few (the ticket's own updates after
 *   the answer) and `mailFor` ignores them.
 */
const ticketKeys = { Keys: { pk: { S: [{ prefix: 'TICKET#' }] }, sk: { S: ['TICKET'] } } };

export const notifyStreamFilterPatterns: readonly Record<string, unknown>[] = [
  { eventName: ['INSERT'], dynamodb: { ...ticketKeys } },
  { eventName: ['MODIFY'], dynamodb: { ...ticketKeys, NewImage: { queueStatus: { S: ['answered'] } } } },
];
