import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import {
  functionDefinitions as defaultFunctionDefinitions,
  routes as defaultRoutes,
  type FunctionDefinition,
  type RouteDefinition,
} from '../functions/lib/definitions/routes.ts';
import { type AppConfig, loadSettings, resolveConfig } from './config.ts';
import { defaultWebAssetsDir } from './constructs/web.ts';
import { loadKnowledgeSnapshot } from './knowledge-snapshot.ts';
import { IncidentFaqStack } from './stack.ts';
import { deployDir, loadStage } from './stage.ts';
import { WebAclStack, wafRegion } from './waf-stack.ts';
import { renderWebAssets } from './web-assets.ts';

/** The stack name is `IncidentFaq-<stage>`, so stages can share an account and region. */
export const stackNamePrefix = 'IncidentFaq';
export const stackNameOf = (stage: string) => `${stackNamePrefix}-${stage}`;

/** The cost-allocation tag the budget filters on (activate it once in the Billing console). */
export const stageTagKey = 'incident-faq-stage';

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
  /** Folder of the stage files; default `deploy/`. */
  deployDir?: string;
  /** Overrides for tests; default: functions/lib/definitions/routes.ts. */
  functionDefinitions?: Readonly<Record<string, FunctionDefinition>>;
  routes?: readonly RouteDefinition[];
  /** Static assets to deploy; default `dist/web`, else `web/`; null deploys none. */
  webAssetsDir?: string | null;
  /** Knowledge folder to seed; default KNOWLEDGE_DIR, else `knowledge/`. */
  knowledgeDir?: string;
  /**
   * aws-cdk-lib's built-in CloudFormation schema validation (a WebAssembly engine: about 10 s to
   * start and 4 s per synth on a 2-core machine). Default true; tests that synthesise variants
   * switch it off, tests/cdk/stack.test.ts keeps it on for the real synth.
   */
  cloudFormationValidation?: boolean;
}

export interface BuiltApp {
  app: App;
  stack: IncidentFaqStack;
  /** The us-east-1 stack with the CloudFront web ACL; undefined when the stage switches WAF off. */
  wafStack: WebAclStack | undefined;
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
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const stage = loadStage(app.node.tryGetContext('stage'), options.deployDir ?? deployDir);
  const config = resolveConfig((key) => app.node.tryGetContext(key), loadSettings(), stage);
  // The published settings carry the deployment-owned settings (addresses, CORS, caps, retention).
  const knowledge = await loadKnowledgeSnapshot(options.knowledgeDir, config);
  const stackName = stackNameOf(config.stage);
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const routes = options.routes ?? defaultRoutes;
  const webAssetsDir =
    options.webAssetsDir === null ? undefined : (options.webAssetsDir ?? defaultWebAssetsDir());
  const wafStack = config.waf.enabled
    ? new WebAclStack(app, `${stackName}-waf`, {
        description: `Incident FAQ assistant (${config.stage}): WAF web ACL of the CloudFront distribution`,
        env: { account, region: wafRegion },
        config,
        routes,
      })
    : undefined;
  const stack = new IncidentFaqStack(app, stackName, {
    description: `Incident FAQ assistant (${config.stage}): citizen chat widget, DPO inbox and knowledge base`,
    env: { account, region: config.region },
    crossRegionReferences: wafStack !== undefined,
    config,
    knowledge,
    functionDefinitions: options.functionDefinitions ?? defaultFunctionDefinitions,
    routes,
    webAssetsDir: webAssetsDir ? renderWebAssets(webAssetsDir, knowledge.settings) : undefined,
    ...(wafStack ? { webAclArn: wafStack.webAcl.attrArn } : {}),
  });
  Tags.of(app).add('project', 'incident-faq-assistant');
  Tags.of(app).add(stageTagKey, config.stage);
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return { app, stack, wafStack, config };
}
