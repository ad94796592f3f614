import { createHash } from 'node:crypto';
import path from 'node:path';
import { withDeploymentOwned } from '../functions/lib/knowledge/deployment-settings.ts';
import type { EvalCase } from '../functions/lib/knowledge/evaluate.ts';
import { knowledgeDirFromEnv, loadKnowledgeDir, readEvalFile } from '../functions/lib/knowledge/files.ts';
import type { Settings } from '../functions/lib/knowledge/schema.ts';
import { withoutLearned } from '../functions/lib/matcher/learned.ts';
import { lasting, memo } from '../functions/lib/memo.ts';
import { encodeSnapshot, type SeedSnapshot } from '../functions/seed-knowledge/snapshot.ts';
import type { AppConfig } from './config.ts';

/**
 * The settings are one item of the knowledge table, and DynamoDB stores at most 400 KB per item
 * (attribute names and values together): a deploy whose settings could not be seeded stops here,
 * with room to spare for the item's other attributes and for staff edits.
 *
 * The snapshot itself has no cap of its own: it reaches esbuild through the JavaScript API
 * (`buildSync` in constructs/shared-bundle.ts), not a command line. It had one (120,000 bytes)
 * while NodejsFunction ran the esbuild CLI, whose single argument Linux caps at 128 KiB.
 */
export const maxSettingsBytes = 300_000;

/**
 * Encoded snapshots by their hash, for the life of the process (`lasting`): Brotli at its best
 * quality takes about 0.6 s of CPU, and a synth, or a test file with several stacks, loads the
 * same knowledge base more than once.
 */
const encodings = lasting('knowledge-snapshot-encodings', () => new Map<string, string>());

/**
 * The learned counts are an item of their own (`KB / LEARNED`, one string attribute): they may
 * grow to this many bytes as JSON, with room to spare below the item's 400 KB.
 */
export const maxLearnedBytes = 380_000;

/**
 * Throws when the settings, as stored, would not fit one table item (see `maxSettingsBytes`), or
 * the learned counts theirs (`maxLearnedBytes`). The counts are stored apart from the settings
 * since round 28 (store.ts), so they do not count towards the settings' bytes.
 */
export function checkSettingsSize(
  settings: Settings,
  max = maxSettingsBytes,
  maxLearned = maxLearnedBytes,
): void {
  const { learned } = settings.matcher;
  const bytes = Buffer.byteLength(JSON.stringify(withoutLearned(settings)), 'utf8');
  if (bytes > max) {
    throw new Error(
      `The settings are ${bytes} bytes as JSON; they are one DynamoDB item (at most 400 KB), and a deploy allows ${max} bytes. Move word lists that grew out of bounds into fewer, broader rules.`,
    );
  }
  const learnedBytes = learned === undefined ? 0 : Buffer.byteLength(JSON.stringify(learned), 'utf8');
  if (learnedBytes > maxLearned) {
    throw new Error(
      `The learned counts are ${learnedBytes} bytes as JSON; they are one DynamoDB item (at most 400 KB), and a deploy allows ${maxLearned} bytes. Count fewer corpora, or pack the counts leaner (learned.ts).`,
    );
  }
}

export interface PackedKnowledge {
  /**
   * The esbuild `define` value: a JS string literal holding the encoded snapshot. Encoded on
   * first read (only a synth that bundles the seed function needs it).
   */
  readonly define: string;
  /** sha256 of the snapshot JSON: changes whenever entries, settings or eval cases change. */
  sha256: string;
  entryCount: number;
  evalCaseCount: number;
  /** The settings as deployed: the pages are rendered with them (the town, retention figures). */
  settings: Settings;
}

/** The deployment values (stage file, CDK context) that the published settings must agree with. */
export type DeploymentSettings = Pick<AppConfig, 'deploymentSettings'>;

/**
 * The settings as the deployment publishes them: the deployment-owned values (addresses, CORS,
 * caps, retention, four-eyes; see deployment-settings.ts) replace the file's values.
 */
export function withDeploymentSettings(settings: Settings, deployment: DeploymentSettings): Settings {
  return withDeploymentOwned(settings, deployment.deploymentSettings);
}

/** The eval cases of `settings.publishing.evalFile` (relative to the knowledge folder), or none. */
async function loadEvalCases(dir: string, settings: Settings): Promise<EvalCase[]> {
  const file = settings.publishing.evalFile;
  if (!file) return [];
  try {
    return await readEvalFile(path.resolve(dir, file));
  } catch (error) {
    throw new Error(
      `The eval file ${file} named in ${dir} settings.yaml (publishing.evalFile) cannot be read: ${(error as Error).message}`,
    );
  }
}

/**
 * Loads and validates the default knowledge base at synth time, with its eval cases and the
 * deployment's settings. Any problem fails the synth, so a broken knowledge folder can never be
 * deployed.
 */
export async function loadKnowledgeSnapshot(
  dir = knowledgeDirFromEnv(),
  deployment?: DeploymentSettings,
): Promise<PackedKnowledge> {
  const report = await loadKnowledgeDir(dir);
  if (report.problems.length > 0 || !report.settings) {
    const lines = report.problems.map(
      (problem) => `  - ${problem.file} ${problem.field}: ${problem.message}`,
    );
    throw new Error(
      `The knowledge base in ${dir} is invalid (run \`npm run kb -- validate\`):\n${lines.join('\n') || '  - settings.yaml is missing'}`,
    );
  }
  const evalCases = await loadEvalCases(dir, report.settings);
  const settings = deployment ? withDeploymentSettings(report.settings, deployment) : report.settings;
  const snapshot: SeedSnapshot = { entries: report.entries, settings, evalCases };
  checkSettingsSize(settings);
  const json = JSON.stringify(snapshot);
  const sha256 = createHash('sha256').update(json).digest('hex');
  return {
    // From the JSON that was hashed: what is encoded is what the hash says, even if the objects
    // were changed after this call.
    get define() {
      return memo(encodings, sha256, () => JSON.stringify(encodeSnapshot(json)), 4);
    },
    sha256,
    entryCount: report.entries.length,
    evalCaseCount: evalCases.length,
    settings,
  };
}
