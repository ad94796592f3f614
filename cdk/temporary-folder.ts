import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const folders: string[] = [];
process.once('exit', () => removeTemporaryFolders());

/**
 * A new folder in the system's temp folder, removed when the process exits: synthesis copies
 * what it holds into the cloud assembly, so it is needed only while the app is built; without
 * this every synth (and every CDK test) left one behind.
 */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/**
 * Removes the folders made so far. Test workers are ended without an `exit` event, so the CDK
 * tests call this when they are done.
 */
export function removeTemporaryFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
