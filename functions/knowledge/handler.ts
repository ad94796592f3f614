// handler -> lib/editing (workflow, gate, store), lib/unanswered -> adapters/dynamodb
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import * as z from 'zod';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { authorize } from '../lib/auth/groups.ts';
import { routeKeyOf } from '../lib/definitions/routes.ts';
import { addAlternatives, draftFromQuestion } from '../lib/editing/from-question.ts';
import { entryHistory, publish } from '../lib/editing/publish.ts';
import { tryQuestion } from '../lib/editing/try-question.ts';
import {
  approve,
  deleteEntry,
  discardDraft,
  listEntries,
  parseEntry,
  readEntry,
  requestReview,
  rollback,
  saveDraft,
} from '../lib/editing/workflow.ts';
import { readFeedbackCounts } from '../lib/feedback/feedback.ts';
import { NotFoundError } from '../lib/http/errors.ts';
import { type ApiEvent, httpHandler } from '../lib/http/handler.ts';
import { parseInput, parseJsonBody } from '../lib/http/request.ts';
import { json } from '../lib/http/response.ts';
import { entryIdSchema, localeTagSchema } from '../lib/knowledge/schema.ts';
import { readMeta } from '../lib/knowledge/store.ts';
import { logger } from '../lib/observability/logger.ts';
import { removeUnanswered, unansweredReport } from '../lib/unanswered/report.ts';

// Fail at cold start, not on the first request, when a table is not configured.
tableName('knowledge');
tableName('analytics');

const version = z.number().int().min(0).max(1_000_000_000);
const versionBody = z.object({ version });
const publishBody = z.object({ version, keepReviewedAt: z.boolean().optional() });
const versionQuery = z.object({ version: z.coerce.number().int().min(0).max(1_000_000_000) });
const putBody = z.object({ entry: z.unknown(), version });
const rollbackBody = z.object({ toVersion: version, version });
const tryBody = z.object({
  question: z.string().trim().min(1, 'must not be empty').max(500),
  locale: localeTagSchema.optional(),
  entry: z.unknown().optional(),
});
const toDraftBody = z.object({ entryId: entryIdSchema.optional() });
const toAlternativesBody = z.object({ entryId: entryIdSchema });
const groupIdSchema = z.string().regex(/^[a-f0-9]{16}$/, 'unknown group');

const entryIdOf = (event: ApiEvent) =>
  parseInput(z.object({ entryId: entryIdSchema }), event.pathParameters ?? {}).entryId;

async function findGroup(event: ApiEvent) {
  const { groupId } = parseInput(z.object({ groupId: groupIdSchema }), event.pathParameters ?? {});
  const group = (await unansweredReport()).find((candidate) => candidate.id === groupId);
  if (!group) throw new NotFoundError('This group is no longer in the report.');
  return group;
}

/** All editor routes under /v1/knowledge (group `editor`, enforced from the route table). */
export const handler = httpHandler(async (event) => {
  const who = authorize(event);
  switch (routeKeyOf('knowledge', event.routeKey)) {
    case 'GET /v1/knowledge/entries': {
      const [entries, feedback, meta] = await Promise.all([
        listEntries(who),
        readFeedbackCounts(),
        readMeta(),
      ]);
      const votes = new Map(feedback.map((item) => [item.entryId, item]));
      return json(200, {
        fourEyes: meta?.settings.publishing.fourEyes ?? true,
        // The editor shows one fieldset per configured locale.
        locales: (meta?.settings.locales ?? []).map(({ tag, name, readability }) => ({
          tag,
          name,
          ...(readability ? { readability } : {}),
        })),
        knowledgeVersion: meta?.version ?? 0,
        entries: entries.map((entry) => ({
          ...entry,
          feedback: {
            helpful: votes.get(entry.id)?.helpful ?? 0,
            notHelpful: votes.get(entry.id)?.notHelpful ?? 0,
          },
        })),
      });
    }
    case 'GET /v1/knowledge/entries/{entryId}':
      return json(200, await readEntry(entryIdOf(event), who));
    case 'PUT /v1/knowledge/entries/{entryId}': {
      const id = entryIdOf(event);
      const body = parseJsonBody(event, putBody);
      const saved = await saveDraft(id, body.entry, body.version, who);
      logger.info('draft saved', { entryId: id, version: saved.version });
      return json(saved.published === null && saved.draft?.version === 1 ? 201 : 200, saved);
    }
    case 'DELETE /v1/knowledge/entries/{entryId}': {
      const id = entryIdOf(event);
      const { version: expected } = parseInput(versionQuery, event.queryStringParameters ?? {});
      const result = await deleteEntry(id, expected, who);
      logger.info('deletion drafted', { entryId: id });
      return json(200, result ?? { id, discarded: true });
    }
    case 'DELETE /v1/knowledge/entries/{entryId}/draft': {
      const id = entryIdOf(event);
      const { version: expected } = parseInput(versionQuery, event.queryStringParameters ?? {});
      return json(200, (await discardDraft(id, expected, who)) ?? { id, discarded: true });
    }
    case 'POST /v1/knowledge/entries/{entryId}/request-review': {
      const id = entryIdOf(event);
      return json(200, await requestReview(id, parseJsonBody(event, versionBody).version, who));
    }
    case 'POST /v1/knowledge/entries/{entryId}/approve': {
      const id = entryIdOf(event);
      const approved = await approve(id, parseJsonBody(event, versionBody).version, who);
      logger.info('draft approved', { entryId: id, version: approved.version });
      return json(200, approved);
    }
    case 'POST /v1/knowledge/entries/{entryId}/publish': {
      const id = entryIdOf(event);
      const body = parseJsonBody(event, publishBody);
      const result = await publish(id, body.version, who, { keepReviewedAt: body.keepReviewedAt === true });
      if (!result.published) {
        return json(422, {
          error: {
            code: 'gate_failed',
            message: `Not published: ${result.gate.reasons.join('; ')}.`,
          },
          gate: result.gate,
        });
      }
      return json(200, result);
    }
    case 'GET /v1/knowledge/entries/{entryId}/history':
      return json(200, { versions: await entryHistory(entryIdOf(event)) });
    case 'POST /v1/knowledge/entries/{entryId}/rollback': {
      const id = entryIdOf(event);
      const body = parseJsonBody(event, rollbackBody);
      const result = await rollback(id, body.toVersion, body.version, who);
      logger.info('rollback drafted', { entryId: id, toVersion: body.toVersion });
      return json(200, result ?? { id, discarded: true });
    }
    case 'POST /v1/knowledge/try': {
      const body = parseJsonBody(event, tryBody);
      const unsaved =
        body.entry === undefined
          ? undefined
          : parseEntry(body.entry, String((body.entry as { id?: unknown })?.id));
      return json(200, await tryQuestion(body.question, body.locale, unsaved));
    }
    case 'GET /v1/knowledge/unanswered':
      return json(200, { groups: (await unansweredReport()).map(({ keys: _keys, ...group }) => group) });
    case 'POST /v1/knowledge/unanswered/{groupId}/to-draft': {
      const group = await findGroup(event);
      const body = parseJsonBody(event, toDraftBody);
      const created = await draftFromQuestion(
        {
          locale: group.locale,
          question: group.text,
          alternatives: group.examples.slice(1),
          ...(body.entryId ? { id: body.entryId } : {}),
        },
        who,
      );
      await removeUnanswered(group.keys);
      logger.info('unanswered group drafted', { entryId: created.id, count: group.count });
      return json(201, created);
    }
    case 'POST /v1/knowledge/unanswered/{groupId}/to-alternatives': {
      const group = await findGroup(event);
      const body = parseJsonBody(event, toAlternativesBody);
      const updated = await addAlternatives(body.entryId, group.locale, group.examples, who);
      await removeUnanswered(group.keys);
      logger.info('unanswered group added as phrasings', { entryId: body.entryId, count: group.count });
      return json(200, updated);
    }
    default:
      throw new NotFoundError();
  }
});
