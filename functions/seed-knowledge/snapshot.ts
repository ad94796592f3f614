import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
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

/**
 * Compresses a snapshot to a base64 string (what the CDK app passes to esbuild). Brotli, not gzip:
 * the knowledge base's many similar phrasings compress a fifth better (round 12: 111.6 KB with
 * gzip, 90.3 KB with Brotli). It reaches esbuild as a `define` through the JavaScript API, so no
 * command-line limit applies (cdk/knowledge-snapshot.ts).
 */
export function encodeSnapshot(snapshot: SeedSnapshot | string): string {
  // A string is the snapshot's JSON already (the CDK app hashes it before it encodes it).
  const json = Buffer.from(typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot), 'utf8');
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
    },
  }).toString('base64');
}

/** The inverse of `encodeSnapshot`. */
export function decodeSnapshot(encoded: string): SeedSnapshot {
  const snapshot = JSON.parse(
    brotliDecompressSync(Buffer.from(encoded, 'base64')).toString('utf8'),
  ) as SeedSnapshot;
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
