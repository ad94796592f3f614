// Issue 15: one front door, per-stage configuration, stream filter, on-call alarms and least
// privilege, asserted on the synthesised templates. Nothing here inspects a bundle or needs the
// CloudFormation schema check, so the synths skip both (tests/cdk/stack.test.ts does the real
// synth with bundling and validation): `fast` below.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp } from '../../cdk/build.ts';
import { batchWriters, tableActions, wildcardResourceActions } from '../../cdk/least-privilege.ts';
import { deployDir } from '../../cdk/stage.ts';
import { removeTemporaryFolders } from '../../cdk/temporary-folder.ts';
import { functionDefinitions } from '../../functions/lib/definitions/routes.ts';
import { notifyStreamFilterPatterns } from '../../functions/lib/escalations/stream-filter.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
};

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const resourcesOf = (template: Template) => template.toJSON().Resources as Record<string, Resource>;
const ofType = (template: Template, type: string) =>
  Object.entries(resourcesOf(template)).filter(([, resource]) => resource.Type === type);

/** Names that are unique per account (and region): every one must carry the stage. */
function globalNames(built: BuiltApp): string[] {
  const main = Template.fromStack(built.stack);
  const names: unknown[] = [
    ...ofType(main, 'AWS::CloudFront::ResponseHeadersPolicy').map(
      ([, r]) => (r.Properties.ResponseHeadersPolicyConfig as { Name: unknown }).Name,
    ),
    ...ofType(main, 'AWS::CloudFront::OriginAccessControl').map(
      ([, r]) => (r.Properties.OriginAccessControlConfig as { Name: unknown }).Name,
    ),
    ...ofType(main, 'AWS::CloudFront::Function').map(([, r]) => r.Properties.Name),
    ...ofType(main, 'AWS::CloudWatch::Dashboard').map(([, r]) => r.Properties.DashboardName),
    ...ofType(main, 'AWS::ApiGatewayV2::Api').map(([, r]) => r.Properties.Name),
    ...ofType(main, 'AWS::Budgets::Budget').map(
      ([, r]) => (r.Properties.Budget as { BudgetName: unknown }).BudgetName,
    ),
    ...(built.wafStack
      ? ofType(Template.fromStack(built.wafStack), 'AWS::WAFv2::WebACL').map(([, r]) => r.Properties.Name)
      : []),
  ];
  return names.map((name) => JSON.stringify(name));
}

/** Placeholder assets instead of esbuild bundles, no schema validation: seconds, not minutes. */
const fast = { 'aws:cdk:bundling-stacks': [] };
const noValidation = { nag: false, cloudFormationValidation: false } as const;

let dev: BuiltApp;
let main: Template;
let waf: Template;
const tempDirs: string[] = [];
const tempDeployDir = (files: Record<string, unknown>) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deploy-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
};
const devFile = JSON.parse(readFileSync(path.join(deployDir, 'dev.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  settings: { cors: { allowedOrigins: string[] } };
};

beforeAll(async () => {
  dev = await buildApp(fast, { ...noValidation, webAssetsDir: null });
  main = Template.fromStack(dev.stack);
  if (!dev.wafStack) throw new Error('deploy/dev.json switches WAF on');
  waf = Template.fromStack(dev.wafStack);
}, 900_000);

afterAll(() => {
  for (const dir of [...tempDirs, dev?.app.outdir ?? ''])
    if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
  removeTemporaryFolders();
});

describe('one front door', () => {
  it('routes /v1/* to the HTTP API with every method, no caching and viewer headers except Host', () => {
    const distribution = ofType(main, 'AWS::CloudFront::Distribution')[0]?.[1];
    const config = distribution?.Properties.DistributionConfig as {
      CacheBehaviors: Record<string, unknown>[];
      WebACLId?: unknown;
    };
    const api = config.CacheBehaviors.find((behaviour) => behaviour.PathPattern === '/v1/*');
    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId:
        cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'https-only',
    });
  });

  it('attaches a WAF web ACL from us-east-1 with a per-IP rate rule per route class and the common rule set', () => {
    expect(dev.wafStack?.region).toBe('us-east-1');
    const [[, acl] = ['', undefined]] = ofType(waf, 'AWS::WAFv2::WebACL');
    expect(acl?.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl?.Properties.Rules as {
      Name: string;
      Statement: Record<string, { Limit?: number; AggregateKeyType?: string; Name?: string }>;
    }[];
    const rate = rules.filter((rule) => rule.Statement.RateBasedStatement);
    expect(rate.map((rule) => rule.Name)).toEqual(['rate-ask', 'rate-escalations', 'rate-staff']);
    for (const rule of rate) expect(rule.Statement.RateBasedStatement?.AggregateKeyType).toBe('IP');
    expect(rate.map((rule) => rule.Statement.RateBasedStatement?.Limit)).toEqual([300, 50, 1000]);
    expect(
      rules.some((rule) => rule.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet'),
    ).toBe(true);
    // The ARN crosses regions through CDK's SSM-backed references.
    const config = ofType(main, 'AWS::CloudFront::Distribution')[0]?.[1].Properties.DistributionConfig as {
      WebACLId?: unknown;
    };
    expect(JSON.stringify(config.WebACLId)).toContain('WebAcl');
  });

  it('alarms by mail when the stage tag spends past its monthly budget', () => {
    const [[, budget] = ['', undefined]] = ofType(main, 'AWS::Budgets::Budget');
    expect(budget?.Properties.Budget).toMatchObject({
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      BudgetLimit: { Amount: devFile.monthlyBudgetUsd, Unit: 'USD' },
      CostFilters: { TagKeyValue: ['user:incident-faq-stage$dev'] },
    });
    const notifications = budget?.Properties.NotificationsWithSubscribers as {
      Subscribers: { Address: string }[];
    }[];
    expect(notifications.length).toBeGreaterThan(0);
    for (const notification of notifications)
      expect(notification.Subscribers[0]?.Address).toBe(devFile.alarmEmail);
  });
});

describe('stages', () => {
  it('names the stack and every global resource after the stage', () => {
    expect(dev.stack.stackName).toBe('IncidentFaq-dev');
    const names = globalNames(dev);
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(name).toContain('IncidentFaq-dev');
  });

  it('fails the synth of a stage without a stage file, naming the file to create', async () => {
    await expect(
      buildApp({ ...fast, stage: 'prod' }, { ...noValidation, deployDir: tempDeployDir({}) }),
    ).rejects.toThrow(/No stage file .*prod\.json for stage "prod"\. Copy deploy\/prod\.example\.json/);
  });

  it('fails the synth of a stage not marked development with localhost origins or example addresses', async () => {
    const prod = { ...devFile, development: false };
    const dir = tempDeployDir({ 'prod.json': prod });
    await expect(buildApp({ ...fast, stage: 'prod' }, { ...noValidation, deployDir: dir })).rejects.toThrow(
      /allowedOrigins: http:\/\/127\.0\.0\.1:3000 is a development origin[\s\S]*"development": true/,
    );
    const example = JSON.parse(readFileSync(path.join(deployDir, 'prod.example.json'), 'utf8'));
    const exampleDir = tempDeployDir({ 'prod.json': example });
    await expect(
      buildApp({ ...fast, stage: 'prod' }, { ...noValidation, deployDir: exampleDir }),
    ).rejects.toThrow(/dpoMailbox: datenschutz@example\.de is a placeholder address/);
  });

  it('rejects a stage file that the settings schema rejects', async () => {
    const broken = { ...devFile, settings: { ...devFile.settings, escalation: { retentionDays: 0 } } };
    await expect(
      buildApp(
        { ...fast, stage: 'dev' },
        { ...noValidation, deployDir: tempDeployDir({ 'dev.json': broken }) },
      ),
    ).rejects.toThrow(/settings\.escalation/);
  });

  it('synthesises a second stage beside the first without a shared global name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-'));
    tempDirs.push(dir);
    copyFileSync(path.join(deployDir, 'dev.json'), path.join(dir, 'test.json'));
    const second = await buildApp(
      { ...fast, stage: 'test' },
      { ...noValidation, deployDir: dir, webAssetsDir: null },
    );
    tempDirs.push(second.app.outdir);
    const first = new Set(globalNames(dev));
    const clashes = globalNames(second).filter((name) => first.has(name));
    expect(clashes).toEqual([]);
    expect(second.stack.stackName).toBe('IncidentFaq-test');
  }, 900_000);

  it('publishes the deployment-owned settings of the stage file', () => {
    expect(dev.config.deploymentSettings).toMatchObject(devFile.settings);
  });
});

describe('notify stream', () => {
  it('filters the tickets stream to ticket inserts and answered tickets', () => {
    const [[, mapping] = ['', undefined]] = ofType(main, 'AWS::Lambda::EventSourceMapping');
    const criteria = mapping?.Properties.FilterCriteria as { Filters: { Pattern: string }[] } | undefined;
    const filters = criteria?.Filters ?? [];
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual(notifyStreamFilterPatterns);
  });
});

describe('alarms for on-call', () => {
  const alarms = () =>
    ofType(main, 'AWS::CloudWatch::Alarm').map(
      ([id, alarm]) => ({ id, ...alarm.Properties }) as { id: string } & Record<string, unknown>,
    );

  it('alarms on SES bounce and complaint rates, API 4xx share, iterator age and functions near their timeout', () => {
    const ids = alarms().map((alarm) => alarm.id);
    for (const prefix of ['SesBounceRate', 'SesComplaintRate', 'ApiClientErrorRate', 'StreamIteratorAge']) {
      expect(ids.some((id) => id.includes(prefix))).toBe(true);
    }
    const nearTimeout = alarms().filter((alarm) => alarm.id.includes('NearTimeout'));
    expect(nearTimeout.length).toBe(Object.keys(functionDefinitions).length + 1); // + the seed
    const ask = nearTimeout.find((alarm) => alarm.id.includes('AskNearTimeout'));
    expect(ask?.Threshold).toBe(functionDefinitions.ask.timeoutSeconds * 1000 * 0.8);
  });

  it('sends each alarm once (no OK actions)', () => {
    for (const alarm of alarms()) expect(alarm.OKActions ?? []).toEqual([]);
  });

  it('routes SES bounces and complaints of the configuration set to a topic', () => {
    const [[, destination] = ['', undefined]] = ofType(main, 'AWS::SES::ConfigurationSetEventDestination');
    expect(destination?.Properties.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: expect.arrayContaining(['bounce', 'complaint']),
    });
  });

  it('lets CloudWatch and SES use the topic keys only for this account', () => {
    const servicePrincipals = ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'];
    for (const [, key] of ofType(main, 'AWS::KMS::Key')) {
      const statements = (key.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
      for (const statement of statements) {
        const service = JSON.stringify(statement.Principal ?? '');
        if (servicePrincipals.some((principal) => service.includes(principal))) {
          expect(JSON.stringify(statement.Condition)).toContain('aws:SourceAccount');
        }
      }
    }
  });
});

describe('least privilege', () => {
  // Actions a function or CDK-owned helper may hold, with where each comes from.
  const allowList = new Set([
    ...Object.values(tableActions).flat(),
    'dynamodb:BatchWriteItem', // only the pairs in batchWriters (asserted below)
    ...Object.keys(wildcardResourceActions),
    'dynamodb:DescribeStream',
    'dynamodb:GetRecords',
    'dynamodb:GetShardIterator', // stream mapping
    'sqs:SendMessage',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl', // on-failure destination
    'ses:SendEmail',
    'ses:SendRawEmail',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
    'lambda:InvokeFunction',
    'lambda:GetFunction', // the custom resource provider framework
    'kms:Decrypt',
    'kms:GenerateDataKey*',
    'secretsmanager:GetSecretValue', // the master key for access codes and vote tokens (one secret)
    'secretsmanager:DescribeSecret',
    'kms:Encrypt',
    'kms:ReEncrypt*', // encrypted queue/topics
    'ssm:GetParameters', // cross-region reference reader (WAF ARN)
  ]);

  const statements = () =>
    ofType(main, 'AWS::IAM::Policy').flatMap(([id, policy]) =>
      (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.map((statement) => ({
        id,
        statement,
      })),
    );

  it('grants only allow-listed actions, never Scan, and * resources only where AWS offers none', () => {
    for (const { id, statement } of statements()) {
      for (const action of asArray(statement.Action)) {
        expect(allowList.has(action), `${id}: ${action}`).toBe(true);
      }
      if (asArray(statement.Resource).includes('*')) {
        for (const action of asArray(statement.Action)) {
          expect(wildcardResourceActions[action], `${id}: ${action} on *`).toBeDefined();
        }
      }
    }
    expect(JSON.stringify(statements())).not.toContain('dynamodb:Scan');
  });

  it('gives write-only access no Delete and batch writes only where the code batches', () => {
    for (const { statement } of statements()) {
      const actions = asArray(statement.Action);
      if (actions.includes('dynamodb:PutItem') && !actions.includes('dynamodb:GetItem')) {
        expect(actions).not.toContain('dynamodb:DeleteItem');
      }
    }
    const batching = statements().filter(({ statement }) =>
      asArray(statement.Action).includes('dynamodb:BatchWriteItem'),
    );
    const expected = Object.values(batchWriters).reduce((sum, writer) => sum + writer.tables.length, 0);
    expect(batching.length).toBe(expected);
  });

  it('sets no ALLOWED_ORIGINS variable on AWS (the published settings carry CORS)', () => {
    for (const [, fn] of ofType(main, 'AWS::Lambda::Function')) {
      const variables =
        (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
      expect(variables.ALLOWED_ORIGINS).toBeUndefined();
    }
  });

  it('runs the application functions on Node.js 24', () => {
    const runtimes = ofType(main, 'AWS::Lambda::Function')
      .filter(([, fn]) => JSON.stringify(fn.Properties.Environment ?? '').includes('POWERTOOLS_SERVICE_NAME'))
      .map(([, fn]) => fn.Properties.Runtime);
    expect(runtimes.length).toBe(Object.keys(functionDefinitions).length + 1);
    expect(new Set(runtimes)).toEqual(new Set(['nodejs24.x']));
  });
});
