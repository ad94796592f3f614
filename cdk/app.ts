// CDK entry point: `npx cdk deploy -c stage=prod` (the CLI passes context itself) or
// `npm run synth -- --context stage=prod` (writes cdk.out; see docs/deploy.md).
import { parseArgs } from 'node:util';
import { buildApp } from './build.ts';

// The CLI hands context over in CDK_CONTEXT_JSON; `npm run synth` has only the command line.
const { values } = parseArgs({
  options: { context: { type: 'string', short: 'c', multiple: true } },
  strict: false,
});
const context = Object.fromEntries(
  ((values.context as string[] | undefined) ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--context expects key=value, got "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

try {
  const { app } = await buildApp(context, { outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  app.synth();
} catch (error) {
  // The message names the fix; a stack trace would bury it.
  console.error((error as Error).message);
  process.exit(1);
}
