import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import {
  functionDefinitions as defaultFunctionDefinitions,
  routes as defaultRoutes,
  type FunctionDefinition,
  type RouteDefinition,
} from '../functions/lib/definitions/routes.ts';
import { type AppConfig, resolveConfig } from './config.ts';
import { defaultWebAssetsDir } from './constructs/web.ts';
import { loadKnowledgeSnapshot } from './knowledge-snapshot.ts';
import { IncidentFaqStack } from './stack.ts';

export const defaultStackName = 'IncidentFaq';

/** Feature flags the stack relies on (the CLI's cdk.json is not read by `npm run synth`). */
const featureFlags = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021': true,
};

export interface BuildOptions {
  /** Register the cdk-nag packs (AwsSolutions, Serverless) as synth-time validations. Default true. */
  nag?: boolean;
  /** Cloud assembly directory (default: the CLI's, else a temporary one). */
  outdir?: string;
  stackName?: string;
  /** Overrides for tests; default: functions/lib/definitions/routes.ts. */
  functionDefinitions?: Readonly<Record<string, FunctionDefinition>>;
  routes?: readonly RouteDefinition[];
  /** Static assets to deploy; default `dist/web`, else `web/`; null deploys none. */
  webAssetsDir?: string | null;
  /** Knowledge folder to seed; default `knowledge/`. */
  knowledgeDir?: string;
}

export interface BuiltApp {
  app: App;
  stack: IncidentFaqStack;
  config: AppConfig;
}

/**
 * Builds the CDK app: configuration from context (validated), the knowledge snapshot (validated;
 * any problem fails the synth), the stack, and the cdk-nag checks.
 */
export async function buildApp(
  context: Record<string, unknown> = {},
  options: BuildOptions = {},
): Promise<BuiltApp> {
  const app = new App({
    context: { ...featureFlags, ...context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const config = resolveConfig((key) => app.node.tryGetContext(key));
  // The published settings carry the deployment's retention, mail addresses and CORS origins.
  const knowledge = await loadKnowledgeSnapshot(options.knowledgeDir, config);
  const stack = new IncidentFaqStack(app, options.stackName ?? defaultStackName, {
    description: 'Incident FAQ assistant: citizen chat widget, DPO inbox and knowledge base',
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
    config,
    knowledge,
    functionDefinitions: options.functionDefinitions ?? defaultFunctionDefinitions,
    routes: options.routes ?? defaultRoutes,
    webAssetsDir: options.webAssetsDir === null ? undefined : (options.webAssetsDir ?? defaultWebAssetsDir()),
  });
  Tags.of(app).add('project', 'incident-faq-assistant');
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return { app, stack, config };
}
