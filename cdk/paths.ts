import { fileURLToPath } from 'node:url';

/** The repository root: function entries and the knowledge folder are relative to it. */
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
