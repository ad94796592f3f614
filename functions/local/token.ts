// `npm run --silent token -- --group dpo --sub anna`: prints a token for the local stack only.
import { parseArgs } from 'node:util';
import { localDataDir } from './connect.ts';
import { createDevIssuer } from './dev-issuer.ts';

const { values } = parseArgs({
  options: {
    group: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string', default: 'local-user' },
    hours: { type: 'string', default: '8' },
  },
});
const issuer = await createDevIssuer(localDataDir());
console.log(
  await issuer.sign({ sub: values.sub, groups: values.group, expiresInSeconds: Number(values.hours) * 3600 }),
);
