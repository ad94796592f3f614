// The CDK stack, synthesised once with the real definitions and real (local esbuild) bundling.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CfnElement, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/build.ts';
import { esmRequireBanner } from '../../cdk/lambda-bundling.ts';
import type { IncidentFaqStack } from '../../cdk/stack.ts';
import { removeTemporaryFolders } from '../../cdk/temporary-folder.ts';
import {
  dashboardCountFailedMessage,
  metricNames,
  metricNamespace,
} from '../../functions/lib/definitions/metrics.ts';
import {
  type Access,
  corsPolicy,
  type FunctionDefinition,
  functionDefinitions,
  routeKey,
  routes,
} from '../../functions/lib/definitions/routes.ts';
import {
  pointInTimeRecoveryDays,
  type TableDefinition,
  type TableName,
  tables,
} from '../../functions/lib/definitions/tables.ts';
import { decodeSnapshot } from '../../functions/seed-knowledge/snapshot.ts';
import { unacknowledgedNagFindings } from '../support/nag.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const definitions = Object.entries(functionDefinitions) as [string, FunctionDefinition][];
const tableEntries = Object.entries(tables) as [TableName, TableDefinition][];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const readActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem'];

let stack: IncidentFaqStack;
let template: Template;
let resources: Record<string, Resource>;
let outdir: string;

const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
/** Logical ids referenced (Ref / Fn::GetAtt) anywhere inside a value. */
function referencedIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencedIds(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.add(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner)) found.add(String(inner[0]));
      else referencedIds(inner, found);
    }
  }
  return found;
}
/** The statements of every AWS::IAM::Policy attached to a role. */
function statementsOfRole(roleId: string): Statement[] {
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => referencedIds(policy.Properties.Roles).has(roleId))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

beforeAll(async () => {
  const built = await buildApp({}, { nag: false });
  stack = built.stack;
  outdir = built.app.outdir;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 600_000);

afterAll(() => {
  // The app synthesised into a temporary directory (bundles included): clean it up.
  if (outdir?.startsWith(tmpdir())) rmSync(outdir, { recursive: true, force: true });
  removeTemporaryFolders();
});

describe('data', () => {
  it('states the recovery window of the backups in the privacy notice', () => {
    // Figures are marked up as <data> (checked against the settings by tests/unit/privacy-page).
    const notice = readFileSync(
      path.join(import.meta.dirname, '../../web/public/privacy.html'),
      'utf8',
    ).replace(/<data [^>]*>(\d+)<\/data>/g, '$1');
    expect(notice).toContain(`${pointInTimeRecoveryDays} Tagen`);
    expect(notice).toContain(`${pointInTimeRecoveryDays} days`);
  });

  it('creates one table per definition, with recovery, protection, TTL, streams and indexes', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', tableEntries.length);
    for (const [name, definition] of tableEntries) {
      const id = logicalId(stack.data.tables[name]);
      const table = resources[id];
      expect(table?.DeletionPolicy, name).toBe('Retain');
      expect(table?.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: {
          PointInTimeRecoveryEnabled: true,
          RecoveryPeriodInDays: pointInTimeRecoveryDays,
        },
        SSESpecification: { SSEEnabled: true },
      });
      if (definition.ttlAttribute) {
        expect(table?.Properties.TimeToLiveSpecification).toEqual({
          AttributeName: definition.ttlAttribute,
          Enabled: true,
        });
      }
      expect(table?.Properties.StreamSpecification, name).toEqual(
        definition.stream ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
      );
      const indexes = (table?.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
      expect(indexes.map((index) => index.IndexName).sort()).toEqual(
        (definition.indexes ?? []).map((index) => index.indexName).sort(),
      );
    }
    expect(tables.tickets.stream).toBe(true);
  });
});

describe('functions', () => {
  it('builds one function per definition plus the knowledge seed', () => {
    expect(Object.keys(stack.api.functions).sort()).toEqual(Object.keys(functionDefinitions).sort());
    expect(Object.keys(stack.appFunctions)).toHaveLength(definitions.length + 1);
    for (const fn of Object.values(stack.appFunctions)) {
      expect(resources[logicalId(fn)]?.Type).toBe('AWS::Lambda::Function');
    }
  });

  it('runs every function on Node 24, arm64, traced, with its own log group and retention', () => {
    for (const [name, fn] of Object.entries(stack.appFunctions)) {
      const props = resources[logicalId(fn)]?.Properties ?? {};
      expect(props.Runtime, name).toBe('nodejs24.x');
      expect(props.Architectures, name).toEqual(['arm64']);
      expect(props.TracingConfig, name).toEqual({ Mode: 'Active' });
      expect(props.Handler, name).toBe('index.handler');
      expect(props.ReservedConcurrentExecutions, name).toBeUndefined();
      const logGroupId = logicalId(fn.functionLogGroup);
      expect(props.LoggingConfig, name).toEqual({ LogGroup: { Ref: logGroupId } });
      expect(resources[logGroupId]?.Properties.RetentionInDays, name).toBe(30);
      const environment = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(environment.POWERTOOLS_SERVICE_NAME).toBe('incident-faq');
      expect(environment.NODE_OPTIONS).toBe('--enable-source-maps');
    }
  });

  it('takes memory, timeout and table variables from the definition', () => {
    for (const [name, definition] of definitions) {
      const props = resources[logicalId(stack.api.functions[name] as IConstruct)]?.Properties ?? {};
      expect(props.MemorySize, name).toBe(definition.memoryMb);
      expect(props.Timeout, name).toBe(definition.timeoutSeconds);
      expect(props.Description, name).toBe(definition.description);
      const environment = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const [table, tableDefinition] of tableEntries) {
        if (definition.tables[table]) {
          expect(environment[tableDefinition.envVar], `${name} ${table}`).toEqual({
            Ref: logicalId(stack.data.tables[table]),
          });
        } else {
          expect(environment[tableDefinition.envVar], `${name} ${table}`).toBeUndefined();
        }
      }
      expect(environment.ALLOWED_ORIGINS, name).toBeUndefined();
      // Retention reaches the handlers through the published settings, not the environment.
      expect(environment.RETENTION_DAYS, name).toBeUndefined();
    }
  });

  it('bundles minified ESM with the require banner and inlines the knowledge snapshot into the seed', () => {
    const seed = resources[logicalId(stack.knowledgeSeed.seedFunction)]?.Properties ?? {};
    const key = String((seed.Code as { S3Key: string }).S3Key).replace(/\.zip$/, '');
    const bundle = path.join(outdir, `asset.${key}`, 'index.mjs');
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith(esmRequireBanner)).toBe(true);
    // Every real bundle must also parse (the banner is text esbuild does not check).
    const bundles = readdirSync(outdir)
      .map((name) => path.join(outdir, name, 'index.mjs'))
      .filter((file) => existsSync(file));
    expect(bundles.length).toBeGreaterThan(5);
    for (const file of bundles)
      expect(() => execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' }), file).not.toThrow();
    expect(code).not.toContain('__KNOWLEDGE_SNAPSHOT__');
    // The Brotli+base64 snapshot (Brotli has no magic bytes; no other string in a bundle is this long).
    expect(code).toMatch(/"[A-Za-z0-9+/=]{20000,}"/);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    // One `node --check` process per bundle (14): well under 30 s alone, over it on a machine
    // shared with other test runs (load 10 to 20), where it timed out before and after the
    // shared bundling alike.
  }, 120_000);

  it('traces the SDK calls of every function with tables but ask, whose bundle leaves the X-Ray SDK out', () => {
    // The X-Ray SDK's middleware name survives minification: present exactly where a handler
    // imports observability/tracer.ts (decision in docs/performance.md).
    const tracesSdkCalls = (fn: IConstruct) => {
      const code = (resources[logicalId(fn)]?.Properties.Code ?? {}) as { S3Key?: string };
      const key = String(code.S3Key).replace(/\.zip$/, '');
      return readFileSync(path.join(outdir, `asset.${key}`, 'index.mjs'), 'utf8').includes(
        'XRaySDKInstrumentation',
      );
    };
    for (const [name, definition] of definitions) {
      const fn = stack.api.functions[name];
      expect(fn, name).toBeDefined();
      const expected = name !== 'ask' && Object.keys(definition.tables).length > 0;
      expect(tracesSdkCalls(fn as IConstruct), name).toBe(expected);
    }
    expect(tracesSdkCalls(stack.knowledgeSeed.seedFunction)).toBe(true);
  });
});

describe('least privilege', () => {
  it('grants no wildcard actions anywhere', () => {
    for (const [id, policy] of ofType('AWS::IAM::Policy')) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        for (const action of asArray(statement.Action)) {
          expect(action, id).not.toBe('*');
          expect(action, id).not.toBe('dynamodb:*');
          expect(action, id).not.toMatch(/^[a-z0-9-]+:\*$/);
        }
      }
    }
  });

  it('lets each function touch exactly the tables of its definition, with exactly its access', () => {
    const tableIds = new Map(tableEntries.map(([name]) => [logicalId(stack.data.tables[name]), name]));
    const functions: [string, FunctionDefinition['tables'], IConstruct][] = [
      ...definitions.map(
        ([name, definition]) =>
          [name, definition.tables, stack.api.functions[name] as IConstruct] as [
            string,
            FunctionDefinition['tables'],
            IConstruct,
          ],
      ),
      ['seed-knowledge', { knowledge: 'readWrite' }, stack.knowledgeSeed.seedFunction],
    ];
    for (const [name, allowed, fn] of functions) {
      const roleId = logicalId((fn as IConstruct & { role: IConstruct }).role);
      const actionsByTable = new Map<TableName, Set<string>>();
      for (const statement of statementsOfRole(roleId)) {
        for (const id of referencedIds(statement.Resource)) {
          const table = tableIds.get(id);
          if (!table) continue;
          const actions = actionsByTable.get(table) ?? new Set<string>();
          for (const action of asArray(statement.Action)) actions.add(action);
          actionsByTable.set(table, actions);
        }
      }
      const allowedTables = (Object.entries(allowed) as [TableName, Access | undefined][])
        .filter(([, access]) => access)
        .map(([table]) => table);
      expect([...actionsByTable.keys()].sort(), name).toEqual(allowedTables.sort());
      for (const [table, actions] of actionsByTable) {
        const access = allowed[table];
        const canRead = readActions.some((action) => actions.has(action));
        const canWrite = writeActions.some((action) => actions.has(action));
        expect(canRead, `${name} reads ${table}`).toBe(access === 'read' || access === 'readWrite');
        expect(canWrite, `${name} writes ${table}`).toBe(access === 'write' || access === 'readWrite');
      }
    }
  });

  it('writes function logs only to the function log group (no managed policies)', () => {
    for (const [name, fn] of Object.entries(stack.appFunctions)) {
      const role = resources[logicalId(fn.role as IConstruct)]?.Properties ?? {};
      expect(role.ManagedPolicyArns, name).toBeUndefined();
      const logStatements = statementsOfRole(logicalId(fn.role as IConstruct)).filter((statement) =>
        asArray(statement.Action).some((action) => action.startsWith('logs:')),
      );
      expect(logStatements.length, name).toBeGreaterThan(0);
      for (const statement of logStatements) {
        expect([...referencedIds(statement.Resource)], name).toEqual([logicalId(fn.functionLogGroup)]);
      }
    }
  });

  it('lets only mail functions send mail, only as the sender, with the configuration set', () => {
    for (const [name, definition] of definitions) {
      const fn = stack.api.functions[name] as IConstruct & { role: IConstruct };
      const statements = statementsOfRole(logicalId(fn.role)).filter((statement) =>
        asArray(statement.Action).some((action) => action.startsWith('ses:')),
      );
      const props = resources[logicalId(fn)]?.Properties ?? {};
      const environment = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      if (!definition.sendsMail) {
        expect(statements, name).toEqual([]);
        expect(environment.MAIL_FROM, name).toBeUndefined();
        continue;
      }
      expect(statements.length, name).toBe(1);
      expect(JSON.stringify(statements[0]?.Resource)).not.toContain('"*"');
      expect(statements[0]).toMatchObject({
        Condition: { StringEquals: { 'ses:FromAddress': stack.config.senderAddress } },
      });
      expect(environment).toMatchObject({
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: stack.config.senderAddress,
        DPO_MAILBOX: stack.config.dpoMailbox,
        SES_CONFIGURATION_SET: { Ref: logicalId(stack.notifications.configurationSet) },
      });
      expect(environment.INBOX_URL).toBeDefined();
    }
  });
});

describe('api', () => {
  it('creates one route per definition, on the right function, with the authorizer on staff routes', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    const routeResources = ofType('AWS::ApiGatewayV2::Route');
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    const needsAuthorizer = routes.some((route) => route.group);
    expect(authorizers).toHaveLength(needsAuthorizer ? 1 : 0);
    for (const route of routes) {
      const key = routeKey(route);
      const found = routeResources.find(([, resource]) => resource.Properties.RouteKey === key);
      expect(found, key).toBeDefined();
      const props = found?.[1].Properties ?? {};
      if (route.group) {
        expect(props.AuthorizationType, key).toBe('JWT');
        expect(props.AuthorizerId, key).toEqual({ Ref: authorizers[0]?.[0] });
      } else {
        expect(props.AuthorizationType, key).toBe('NONE');
        expect(props.AuthorizerId, key).toBeUndefined();
      }
      const [integrationId] = [...referencedIds(props.Target)];
      const integration = resources[integrationId ?? ''];
      expect([...referencedIds(integration?.Properties.IntegrationUri)], key).toEqual([
        logicalId(stack.api.functions[route.function] as IConstruct),
      ]);
    }
  });

  it('validates staff tokens against the Cognito user pool and its client', () => {
    // The deployed route table has staff routes; without them this test would prove nothing.
    expect(routes.some((route) => route.group)).toBe(true);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(stack.auth.userPoolClient) }],
        Issuer: {
          'Fn::Join': [
            '',
            [`https://cognito-idp.${stack.region}.amazonaws.com/`, { Ref: logicalId(stack.auth.userPool) }],
          ],
        },
      },
    });
  });

  it('throttles the stage and each route with a throttle definition', () => {
    const expected = Object.fromEntries(
      routes
        .filter((route) => route.throttle)
        .map((route) => [
          routeKey(route),
          {
            ThrottlingRateLimit: route.throttle?.rateLimit,
            ThrottlingBurstLimit: route.throttle?.burstLimit,
          },
        ]),
    );
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      ...(Object.keys(expected).length ? { RouteSettings: expected } : {}),
    });
  });

  it('logs requests without personal data', () => {
    const [[, stage] = ['', undefined]] = ofType('AWS::ApiGatewayV2::Stage');
    const settings = (stage?.Properties.AccessLogSettings ?? {}) as { Format?: string };
    const format = String(settings.Format);
    const fields = JSON.parse(format) as Record<string, string>;
    expect(Object.values(fields)).toEqual(
      expect.arrayContaining([
        '$context.requestId',
        '$context.routeKey',
        '$context.status',
        '$context.responseLatency',
        '$context.integrationErrorMessage',
      ]),
    );
    for (const forbidden of ['$context.identity', 'sourceIp', 'userAgent', '$context.path', 'querystring']) {
      expect(format).not.toContain(forbidden);
    }
  });

  it('allows exactly the configured origins with the shared CORS policy', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      DisableExecuteApiEndpoint: false,
      CorsConfiguration: {
        AllowOrigins: stack.config.allowedOrigins,
        AllowMethods: [...corsPolicy.allowMethods],
        AllowHeaders: [...corsPolicy.allowHeaders],
        MaxAge: corsPolicy.maxAgeSeconds,
      },
    });
    expect(stack.config.allowedOrigins.length).toBeGreaterThan(0);
  });
});

describe('schedules', () => {
  const scheduled = definitions.filter(([, definition]) => definition.schedule);

  it('invokes the ticket-age function every 15 minutes from an EventBridge rule', () => {
    const fn = stack.api.functions['ticket-age'];
    expect(fn).toBeDefined();
    expect(functionDefinitions['ticket-age'].schedule).toEqual({ everyMinutes: 15 });
    template.resourceCountIs('AWS::Events::Rule', scheduled.length);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(fn as IConstruct), 'Arn'] },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      ],
    });
    const [[ruleId] = ['']] = ofType('AWS::Events::Rule');
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [logicalId(fn as IConstruct), 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  it('gives the ticket-age function write access to tickets (auto-close, digest), read-only knowledge, nothing else', () => {
    const fn = stack.api.functions['ticket-age'] as IConstruct & { role: IConstruct };
    const tableStatements = statementsOfRole(logicalId(fn.role)).filter((statement) =>
      asArray(statement.Action).some((action) => action.startsWith('dynamodb:')),
    );
    const touching = (table: IConstruct) =>
      tableStatements.filter((statement) => referencedIds(statement.Resource).has(logicalId(table)));
    const touched = new Set(tableStatements.flatMap((statement) => [...referencedIds(statement.Resource)]));
    expect([...touched].sort()).toEqual(
      [logicalId(stack.data.tables.tickets), logicalId(stack.data.tables.knowledge)].sort(),
    );
    const actionsOn = (table: IConstruct) =>
      new Set(touching(table).flatMap((statement) => asArray(statement.Action)));
    expect(writeActions.some((action) => actionsOn(stack.data.tables.tickets).has(action))).toBe(true);
    expect(readActions.some((action) => actionsOn(stack.data.tables.knowledge).has(action))).toBe(true);
    expect(writeActions.filter((action) => actionsOn(stack.data.tables.knowledge).has(action))).toEqual([]);
    const props = resources[logicalId(fn)]?.Properties ?? {};
    const environment = (props.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(environment.TICKETS_TABLE).toEqual({ Ref: logicalId(stack.data.tables.tickets) });
  });

  it('puts functions without routes behind no API integration', () => {
    const routed = new Set(routes.map((route) => route.function as string));
    const unrouted = definitions.map(([name]) => name).filter((name) => !routed.has(name));
    expect(unrouted).toContain('ticket-age');
    const integrated = new Set(
      ofType('AWS::ApiGatewayV2::Integration').flatMap(([, integration]) => [
        ...referencedIds(integration.Properties.IntegrationUri),
      ]),
    );
    for (const name of unrouted) {
      expect(integrated.has(logicalId(stack.api.functions[name] as IConstruct)), name).toBe(false);
    }
  });
});

describe('auth', () => {
  it('requires TOTP MFA, invitation only, strong passwords, and has the staff groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      UserPoolTier: 'PLUS',
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
    for (const group of ['dpo', 'editor']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
  });

  it('has a hosted UI prefix domain, by default incident-faq-<account>', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: { Ref: logicalId(stack.auth.userPool) },
      Domain: { 'Fn::Join': ['', ['incident-faq-', { Ref: 'AWS::AccountId' }]] },
    });
    expect(stack.resolve(stack.auth.domainUrl)).toEqual({
      'Fn::Join': [
        '',
        ['https://', { Ref: logicalId(stack.auth.domain) }, `.auth.${stack.region}.amazoncognito.com`],
      ],
    });
    template.hasOutput('AuthDomainUrl', {});
  });

  it('lets the staff pages sign in with the authorization code grant and PKCE, back to the pages', () => {
    const [[, client] = ['', undefined], ...others] = ofType('AWS::Cognito::UserPoolClient');
    expect(others).toHaveLength(0);
    const props = client?.Properties ?? {};
    expect(props.GenerateSecret ?? false).toBe(false);
    expect(props.ClientSecret).toBeUndefined();
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect(props.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(props.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(props.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect(props.SupportedIdentityProviders).toEqual(['COGNITO']);
    // No custom web domain: the CloudFront domain of the distribution, one URL per staff page.
    const distribution = { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] };
    const pageUrl = (page: string) => ({ 'Fn::Join': ['', ['https://', distribution, page]] });
    for (const key of ['CallbackURLs', 'LogoutURLs']) {
      expect(props[key], key).toEqual([pageUrl('/inbox'), pageUrl('/editor')]);
    }
    // The client names the distribution; the distribution (and its headers) never the client.
    const clientId = logicalId(stack.auth.userPoolClient);
    for (const [id, resource] of [
      ...ofType('AWS::CloudFront::Distribution'),
      ...ofType('AWS::CloudFront::ResponseHeadersPolicy'),
    ]) {
      expect(referencedIds(resource.Properties).has(clientId), id).toBe(false);
    }
  });
});

describe('notifications', () => {
  it('requires TLS for mail and keeps failed notifications in an encrypted queue', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('feeds the tickets stream to the notify function', () => {
    const notify = stack.api.functions.notify;
    expect(notify).toBeDefined();
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(notify as IConstruct) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.data.tables.tickets), 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack.notifications.failureQueue), 'Arn'] } },
      },
    });
  });
});

describe('web', () => {
  it('serves a private bucket through CloudFront with OAC, HTTPS and logging', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        // The private bucket (with OAC) and, behind /v1/*, the HTTP API: one front door.
        Origins: Match.arrayWith([Match.objectLike({ OriginAccessControlId: Match.anyValue() })]),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
  });

  it('sends strict security headers', () => {
    const [[, policy] = ['', undefined]] = ofType('AWS::CloudFront::ResponseHeadersPolicy');
    const config = (policy?.Properties.ResponseHeadersPolicyConfig ?? {}) as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    const headers = config.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy?.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "connect-src 'self' ",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain(logicalId(stack.api.httpApi)); // the API endpoint in connect-src
    // The hosted UI domain too: the staff pages fetch its token endpoint.
    const connect = /connect-src [^;]*/.exec(csp)?.[0] ?? '';
    expect(connect).toContain(logicalId(stack.auth.domain));
    expect(connect).toContain(`.auth.${stack.region}.amazoncognito.com`);
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Preload: true,
    });
    expect(headers.ContentTypeOptions).toMatchObject({ Override: true });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
  });

  it('writes staff-config.json with the same-origin API, hosted UI domain and client id, never cached', () => {
    const deployments = ofType('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    /** The Custom::CDKBucketDeployment resource inside a BucketDeployment construct. */
    const customResource = (deployment: IConstruct | undefined) => {
      const found = deployment?.node
        .findAll()
        .find((c) => c instanceof CfnResource && c.cfnResourceType === 'Custom::CDKBucketDeployment');
      return resources[found ? stack.getLogicalId(found as CfnResource) : '']?.Properties ?? {};
    };
    const assets = customResource(stack.web.deployment);
    const staff = customResource(stack.web.staffConfigDeployment);
    // The asset deployment leaves the file alone when it prunes; this one prunes nothing.
    expect(assets.Exclude).toEqual(['staff-config.json']);
    expect(staff).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DestinationBucketName: { Ref: logicalId(stack.web.siteBucket) },
      DistributionId: { Ref: logicalId(stack.web.distribution) },
      DistributionPaths: ['/staff-config.json'],
    });
    // The source is the staged jsonData asset; deploy-time values are markers the handler replaces.
    const [key] = staff.SourceObjectKeys as string[];
    const file = path.join(outdir, `asset.${(key ?? '').replace(/\.zip$/, '')}`, 'staff-config.json');
    expect(existsSync(file), file).toBe(true);
    const [markers = {}] = staff.SourceMarkers as Record<string, unknown>[];
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const shown = (value: unknown) => `\${${JSON.stringify(value)}}`;
    const resolved = Object.fromEntries(
      Object.entries(written).map(([name, value]) => [
        name,
        value.replace(/<<marker:0xbaba:\d+>>/g, (marker) => shown(markers[marker])),
      ]),
    );
    expect(resolved).toEqual({
      // Same origin: CloudFront forwards /v1/* to the API.
      api: '',
      auth: 'cognito',
      cognitoDomain: `https://${shown({ Ref: logicalId(stack.auth.domain) })}.auth.${stack.region}.amazoncognito.com`,
      clientId: shown({ Ref: logicalId(stack.auth.userPoolClient) }),
    });
  });
});

describe('monitoring', () => {
  it('alarms on errors and throttles of every function, failed notifications, 5xx and old tickets', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    for (const fn of Object.values(stack.appFunctions)) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(
          alarms.some(
            (alarm) =>
              alarm.MetricName === metric &&
              referencedIds(alarm.Dimensions).has(logicalId(fn)) &&
              alarm.Threshold === 0,
          ),
          `${metric} ${fn.node.path}`,
        ).toBe(true);
      }
    }
    expect(alarms.some((alarm) => alarm.MetricName === 'ApproximateNumberOfMessagesVisible')).toBe(true);
    expect(alarms.some((alarm) => alarm.MetricName === '5xx')).toBe(true);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: metricNamespace,
      MetricName: metricNames.oldestOpenTicketAgeHours,
      Threshold: stack.config.openTicketAlarmHours,
      TreatMissingData: 'notBreaching',
    });
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: stack.config.alarmEmail,
    });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it("counts every function's lost dashboard counts from its log lines, with the service dimension", () => {
    const filters = ofType('AWS::Logs::MetricFilter').map(([, filter]) => filter.Properties);
    for (const fn of Object.values(stack.appFunctions)) {
      const group = logicalId(fn.functionLogGroup);
      const filter = filters.find((properties) => referencedIds(properties.LogGroupName).has(group));
      expect(filter, fn.node.path).toBeDefined();
      expect(filter?.FilterPattern).toBe(`{ $.message = "${dashboardCountFailedMessage}" }`);
      expect(filter?.MetricTransformations).toEqual([
        {
          MetricNamespace: metricNamespace,
          MetricName: metricNames.dashboardCountFailed,
          MetricValue: '1',
          Dimensions: [{ Key: 'service', Value: '$.service' }],
        },
      ]);
    }
  });
});

describe('deployment', () => {
  it('seeds the knowledge base through a custom resource that changes with the snapshot', () => {
    template.hasResourceProperties('Custom::KnowledgeSeed', {
      SnapshotSha256: Match.stringLikeRegexp('^[0-9a-f]{64}$'),
      ServiceToken: { 'Fn::GetAtt': [logicalId(stack.knowledgeSeed.frameworkFunction), 'Arn'] },
      EvalCaseCount: stack.knowledgeSeed.knowledge.evalCaseCount,
    });
    expect(stack.knowledgeSeed.knowledge.evalCaseCount).toBeGreaterThan(0);
    const seeded = decodeSnapshot(JSON.parse(stack.knowledgeSeed.knowledge.define) as string);
    expect(seeded.evalCases).toHaveLength(stack.knowledgeSeed.knowledge.evalCaseCount);
    expect(seeded.settings.escalation.retentionDays).toBe(stack.config.retentionDays);
    expect(seeded.settings.cors.allowedOrigins).toEqual(stack.config.allowedOrigins);
  });

  it('outputs what the deployment guide names', () => {
    for (const output of [
      'ApiUrl',
      'WebUrl',
      'UserPoolId',
      'UserPoolClientId',
      'AuthDomainUrl',
      'DashboardName',
    ]) {
      template.hasOutput(output, {});
    }
  });

  it('passes the AwsSolutions and Serverless nag packs without unacknowledged findings', () => {
    const app = stack.node.root;
    const findings = unacknowledgedNagFindings(app);
    expect(findings).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  }, 60_000);

  it('gives every acknowledgement a specific reason', () => {
    expect(stack.nagAcknowledgements.length).toBeGreaterThan(0);
    for (const acknowledgement of stack.nagAcknowledgements) {
      expect(acknowledgement.id).toMatch(/^(AwsSolutions|Serverless)-/);
      expect(acknowledgement.reason.length, acknowledgement.id).toBeGreaterThan(60);
    }
  });
});
