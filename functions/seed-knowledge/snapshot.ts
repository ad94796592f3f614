import { gunzipSync, gzipSync } from 'node:zlib';
import type { EvalCase } from '../lib/knowledge/evaluate.ts';
import type { Entry, Settings } from '../lib/knowledge/schema.ts';

/**
 * The default knowledge base as the deploy-time seed carries it: validated by the CDK app at
 * synth time, compressed and inlined into the seed bundle through an esbuild `define`, so no
 * file has to travel to the function and command-line limits stay far away.
 */
export interface SeedSnapshot {
  entries: Entry[];
  settings: Settings;
  /**
   * The cases of `settings.publishing.evalFile`, stored for the publish gate (`KB/EVAL`). Absent
   * in snapshots that carry none: the stored cases then stay as they are.
   */
  evalCases?: EvalCase[];
}

/** Compresses a snapshot to a base64 string (what the CDK app passes to esbuild). */
export function encodeSnapshot(snapshot: SeedSnapshot): string {
  return gzipSync(Buffer.from(JSON.stringify(snapshot), 'utf8'), { level: 9 }).toString('base64');
}

/** The inverse of `encodeSnapshot`. */
export function decodeSnapshot(encoded: string): SeedSnapshot {
  const snapshot = JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')) as SeedSnapshot;
  if (
    !Array.isArray(snapshot.entries) ||
    typeof snapshot.settings !== 'object' ||
    !snapshot.settings ||
    (snapshot.evalCases !== undefined && !Array.isArray(snapshot.evalCases))
  ) {
    throw new Error('The knowledge snapshot is malformed');
  }
  return snapshot;
}
