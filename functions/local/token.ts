// `npm run --silent token -- --group dpo --sub anna`: prints a token for the local stack only.
// Signed with the key in the resolved data folder (data-dir.ts): the same DATA_DIR as `npm start`.
import { parseArgs } from 'node:util';
import { dataDirMismatch, resolveDataDir } from './data-dir.ts';
import { createDevIssuer } from './dev-issuer.ts';

const { values } = parseArgs({
  options: {
    group: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string', default: 'local-user' },
    hours: { type: 'string', default: '8' },
  },
});
const dataDir = resolveDataDir();
// Reported on stderr, so `$(npm run --silent token …)` still captures only the token.
const mismatch = await dataDirMismatch(
  dataDir,
  'the server will reject this token (it checks tokens with the key in its own folder)',
  `npm run --silent token -- ${process.argv.slice(2).join(' ')}`,
);
if (mismatch) console.error(mismatch);
const issuer = await createDevIssuer(dataDir);
console.log(
  await issuer.sign({ sub: values.sub, groups: values.group, expiresInSeconds: Number(values.hours) * 3600 }),
);
