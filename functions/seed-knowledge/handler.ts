// CloudFormation custom resource (through the CDK Provider framework): imports the default
// knowledge base shipped in `knowledge/` at deploy time, without ever overwriting staff edits.
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import type { CdkCustomResourceResponse, CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isConditionFailure, updateItem } from '../lib/adapters/dynamodb.ts';
import {
  deploymentOwned,
  differsFromDeployment,
  withDeploymentOwned,
  withMovedLanguageData,
} from '../lib/knowledge/deployment-settings.ts';
import { knowledgeKeys } from '../lib/knowledge/knowledge-table.ts';
import {
  importKnowledge,
  type KnowledgeMeta,
  learnedDigest,
  readMeta,
  writeLearned,
} from '../lib/knowledge/store.ts';
import { withoutLearned } from '../lib/matcher/learned.ts';
import { logger } from '../lib/observability/logger.ts';
import { decodeSnapshot, type SeedSnapshot } from './snapshot.ts';

/** Replaced at bundle time by the CDK app (esbuild `define`): the encoded snapshot. */
declare const __KNOWLEDGE_SNAPSHOT__: string | undefined;

const physicalResourceId = 'knowledge-seed';

export type SeedData = { imported: 'true' | 'false'; version: string };

/** The seed logic, separate from the bundle-time snapshot so it can be exercised with any snapshot. */
export async function seedKnowledge(
  event: CloudFormationCustomResourceEvent,
  snapshot: () => SeedSnapshot,
): Promise<CdkCustomResourceResponse<SeedData>> {
  if (event.RequestType === 'Delete') {
    // The table is retained and staff content must survive: nothing to undo.
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const meta = await readMeta(true);
  if (meta && meta.source !== 'files') {
    // Staff content stays; the deployment-owned settings (addresses, CORS, caps, retention,
    // four-eyes) still follow deploy/<stage>.json, or a redeploy could never change them. So do
    // the learned counts: generated from the shipped corpora, never edited by staff.
    const { settings: deployed } = snapshot();
    await writeLearned(deployed.matcher.learned);
    const version = await reapplyDeploymentSettings(meta, deployed);
    logger.info('knowledge base edited by staff; entries kept, deployment settings applied', {
      version,
      source: meta.source,
    });
    return {
      PhysicalResourceId: physicalResourceId,
      Data: { imported: 'false', version: String(version) },
    };
  }
  const { entries, settings, evalCases } = snapshot();
  // The eval cases go along so that the publish gate on AWS checks them too.
  const imported = await importKnowledge(entries, settings, 'files', evalCases);
  logger.info('default knowledge base imported', {
    version: imported.version,
    entries: entries.length,
    evalCases: evalCases?.length ?? 'unchanged',
  });
  return {
    PhysicalResourceId: physicalResourceId,
    Data: { imported: 'true', version: String(imported.version) },
  };
}

/**
 * Writes the deployment-owned settings into the published META (new version, so every ask
 * function reloads); conditional on the version read, so a concurrent publish is never lost.
 * Also when only the learned counts changed: META keeps their digest, so a deploy retried after
 * a failed attempt (which stored the counts already) still moves the version on. Counts that a
 * table from before round 28 kept in META's settings leave them here (they are LEARNED's now).
 */
async function reapplyDeploymentSettings(
  meta: KnowledgeMeta & { learnedSha?: string },
  deployed: SeedSnapshot['settings'],
): Promise<number> {
  const owned = deploymentOwned(deployed);
  const learnedSha = learnedDigest(deployed.matcher.learned);
  const migrated = withMovedLanguageData(meta.settings, deployed);
  if (
    !differsFromDeployment(meta.settings, owned) &&
    meta.learnedSha === learnedSha &&
    meta.settings.matcher.learned === undefined &&
    migrated === meta.settings
  )
    return meta.version;
  const version = meta.version + 1;
  try {
    await updateItem('knowledge', knowledgeKeys.meta(), {
      UpdateExpression:
        'SET #settings = :settings, #version = :next, #updatedAt = :now, #learnedSha = :learnedSha',
      ConditionExpression: '#version = :current',
      ExpressionAttributeNames: {
        '#settings': 'settings',
        '#version': 'version',
        '#updatedAt': 'updatedAt',
        '#learnedSha': 'learnedSha',
      },
      ExpressionAttributeValues: {
        ':settings': withoutLearned(withDeploymentOwned(migrated, owned)),
        ':next': version,
        ':current': meta.version,
        ':now': new Date().toISOString(),
        ':learnedSha': learnedSha,
      },
    });
  } catch (error) {
    // CloudFormation retries nothing: fail the deploy with a clear reason instead.
    if (isConditionFailure(error))
      throw new Error('The knowledge base was published during the deploy; deploy again');
    throw error;
  }
  return version;
}

function bundledSnapshot(): SeedSnapshot {
  if (typeof __KNOWLEDGE_SNAPSHOT__ !== 'string') {
    throw new Error('No knowledge snapshot was bundled into this function');
  }
  return decodeSnapshot(__KNOWLEDGE_SNAPSHOT__);
}

export async function handler(
  event: CloudFormationCustomResourceEvent,
): Promise<CdkCustomResourceResponse<SeedData>> {
  logger.info('knowledge seed event', { requestType: event.RequestType });
  return seedKnowledge(event, bundledSnapshot);
}
