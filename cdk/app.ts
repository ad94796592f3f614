// CDK entry point: `npm run synth` (writes cdk.out) or `npx cdk deploy` (see README-deploy.md).
import { buildApp } from './build.ts';

const { app } = await buildApp({}, { outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
app.synth();
