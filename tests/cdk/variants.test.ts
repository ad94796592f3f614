// Configuration, the knowledge snapshot and seed, and the stack with custom domains and web assets
// (synthesised without bundling or CloudFormation schema validation: stack.test.ts covers both).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../cdk/build.ts';
import { loadSettings, resolveConfig } from '../../cdk/config.ts';
import {
  checkSettingsSize,
  loadKnowledgeSnapshot,
  maxLearnedBytes,
  maxSettingsBytes,
} from '../../cdk/knowledge-snapshot.ts';
import { lambdaBuildOptions } from '../../cdk/lambda-bundling.ts';
import type { IncidentFaqStack } from '../../cdk/stack.ts';
import { removeTemporaryFolders } from '../../cdk/temporary-folder.ts';
import { defaultKnowledgeDir, loadKnowledgeDir, readEvalFile } from '../../functions/lib/knowledge/files.ts';
import { decodeSnapshot, encodeSnapshot } from '../../functions/seed-knowledge/snapshot.ts';
import { unacknowledgedNagFindings } from '../support/nag.ts';

const apiCertificate =
  'arn:aws:acm:eu-central-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
const webCertificate = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
const settings = loadSettings();
const fromContext = (context: Record<string, unknown>) => () =>
  resolveConfig((key) => context[key], settings);

const scratch = mkdtempSync(path.join(tmpdir(), 'incident-faq-cdk-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  // The bundles and rendered pages of the apps built here.
  removeTemporaryFolders();
});

describe('configuration', () => {
  it('defaults to knowledge/settings.yaml and eu-central-1', () => {
    const config = fromContext({})();
    expect(config).toMatchObject({
      region: 'eu-central-1',
      dpoMailbox: settings.contact.dpoMailbox,
      senderAddress: settings.contact.senderAddress,
      senderDomain: settings.contact.senderAddress.split('@')[1],
      allowedOrigins: settings.cors.allowedOrigins,
      retentionDays: settings.escalation.retentionDays,
      openTicketAlarmHours: 24,
    });
    expect(config.apiDomain).toBeUndefined();
    expect(config.webDomain).toBeUndefined();
    expect(config.authDomainPrefix).toBeUndefined();
  });

  it('validates the Cognito domain prefix', () => {
    expect(fromContext({ authDomainPrefix: ' Strasburg-FAQ ' })().authDomainPrefix).toBe('strasburg-faq');
    for (const prefix of ['-faq', 'faq-', 'faq.strasburg', 'faq_1', 'a'.repeat(64)]) {
      expect(fromContext({ authDomainPrefix: prefix }), prefix).toThrow(
        /- authDomainPrefix: must be lower-case/,
      );
    }
    for (const prefix of ['my-cognito-login', 'aws-faq', 'amazon1']) {
      expect(fromContext({ authDomainPrefix: prefix }), prefix).toThrow(
        /- authDomainPrefix: .*reserved words/,
      );
    }
  });

  it('reads CLI context strings', () => {
    const config = fromContext({
      dpoMailbox: 'dsb@example.de',
      senderAddress: 'noreply@mail.example.de',
      allowedOrigins: 'https://www.example.de, https://example.de/',
      retentionDays: '30',
      openTicketAlarmHours: '48',
      alarmEmail: 'ops@example.de',
      apiDomainName: 'API.example.de',
      certificateArn: apiCertificate,
    })();
    expect(config).toMatchObject({
      dpoMailbox: 'dsb@example.de',
      senderDomain: 'mail.example.de',
      allowedOrigins: ['https://www.example.de', 'https://example.de'],
      retentionDays: 30,
      openTicketAlarmHours: 48,
      alarmEmail: 'ops@example.de',
      apiDomain: { domainName: 'api.example.de', certificateArn: apiCertificate },
    });
  });

  it('always allows the custom web domain as an origin', () => {
    const config = fromContext({
      allowedOrigins: 'https://www.example.de',
      webDomainName: 'faq.example.de',
      webCertificateArn: webCertificate,
    })();
    expect(config.allowedOrigins).toEqual(['https://www.example.de', 'https://faq.example.de']);
    expect(config.webDomain).toEqual({ domainName: 'faq.example.de', certificateArn: webCertificate });
  });

  it('rejects invalid context with one clear error naming every bad key', () => {
    const attempt = fromContext({
      dpoMailbox: 'not-an-address',
      allowedOrigins: 'http://www.example.de,https://example.de/path',
      retentionDays: 'ninety',
      certificateArn: apiCertificate,
      webDomainName: 'www.example.de',
      webCertificateArn: apiCertificate,
    });
    expect(attempt).toThrow(/^Invalid configuration of stage "dev":/);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const key of [
      'dpoMailbox',
      'allowedOrigins.0',
      'allowedOrigins.1',
      'retentionDays',
      'apiDomainName',
    ]) {
      expect(message).toContain(`- ${key}:`);
    }
    expect(message).toContain('webCertificateArn: CloudFront needs the web certificate in us-east-1');
  });

  it('rejects an API certificate from another region', () => {
    expect(fromContext({ apiDomainName: 'api.example.de', certificateArn: webCertificate })).toThrow(
      /certificateArn: the API certificate must be in the stack's region eu-central-1/,
    );
  });
});

describe('knowledge snapshot', () => {
  it('round-trips the validated knowledge base and hashes it', async () => {
    const report = await loadKnowledgeDir();
    expect(report.problems).toEqual([]);
    // The whole base is encoded once, as the CDK app does (Brotli at its highest quality takes
    // seconds on it: four encodings here were 10 CPU-s of a test run).
    const packed = await loadKnowledgeSnapshot();
    expect(packed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(packed.entryCount).toBe(report.entries.length);
    const decoded = decodeSnapshot(JSON.parse(packed.define) as string);
    expect(decoded.entries).toEqual(report.entries);
    expect(decoded.settings).toEqual(report.settings);
    // The CDK app encodes the JSON it hashed: the same bytes as encoding the object.
    const small = {
      entries: report.entries.slice(0, 2),
      settings: { ...settings, synonyms: { de: {}, en: {} }, phrases: {} },
    };
    expect(decodeSnapshot(encodeSnapshot(small))).toEqual(small);
    expect(encodeSnapshot(JSON.stringify(small))).toBe(encodeSnapshot(small));
  });

  it('carries the eval cases of settings.publishing.evalFile', async () => {
    const file = settings.publishing.evalFile;
    expect(file).toBeDefined();
    const cases = await readEvalFile(path.join(defaultKnowledgeDir, file ?? ''));
    expect(cases.length).toBeGreaterThan(0);
    const packed = await loadKnowledgeSnapshot();
    expect(packed.evalCaseCount).toBe(cases.length);
    expect(decodeSnapshot(JSON.parse(packed.define) as string).evalCases).toEqual(cases);
  });

  it('fails the synth when the eval file is missing', async () => {
    const dir = path.join(scratch, 'no-eval-file');
    mkdirSync(path.join(dir, 'entries'), { recursive: true });
    cpSync(path.join(defaultKnowledgeDir, 'settings.yaml'), path.join(dir, 'settings.yaml'));
    cpSync(path.join(defaultKnowledgeDir, 'entries'), path.join(dir, 'entries'), { recursive: true });
    cpSync(path.join(defaultKnowledgeDir, 'sources'), path.join(dir, 'sources'), { recursive: true });
    await expect(loadKnowledgeSnapshot(dir)).rejects.toThrow(/eval file eval\/dev\.jsonl/);
  });

  it('publishes the deployment configuration in the seeded settings', async () => {
    const config = fromContext({
      dpoMailbox: 'dsb@example.de',
      senderAddress: 'noreply@mail.example.de',
      allowedOrigins: 'https://www.example.de',
      retentionDays: '30',
      webDomainName: 'faq.example.de',
      webCertificateArn: webCertificate,
    })();
    const packed = await loadKnowledgeSnapshot(undefined, config);
    const seeded = decodeSnapshot(JSON.parse(packed.define) as string).settings;
    expect(seeded.escalation).toEqual({ ...settings.escalation, retentionDays: 30 });
    expect(seeded.contact).toEqual({
      ...settings.contact,
      dpoMailbox: 'dsb@example.de',
      senderAddress: 'noreply@mail.example.de',
    });
    expect(seeded.cors.allowedOrigins).toEqual(['https://www.example.de', 'https://faq.example.de']);
    // The learned counts (knowledge/learned.json) travel in the seeded settings.
    const { learned, ...matcher } = seeded.matcher;
    expect(learned?.trainedOn.questions).toBeGreaterThan(0);
    // Everything else is the file's; the hash follows the published settings.
    expect({
      ...seeded,
      matcher,
      escalation: settings.escalation,
      contact: settings.contact,
      cors: settings.cors,
    }).toEqual(settings);
    expect(packed.sha256).not.toBe((await loadKnowledgeSnapshot()).sha256);
    // The default configuration publishes the file's settings unchanged (with the learned counts).
    const defaults = await loadKnowledgeSnapshot(undefined, fromContext({})());
    expect(decodeSnapshot(JSON.parse(defaults.define) as string).settings).toEqual({
      ...settings,
      matcher: { ...settings.matcher, learned },
    });
  });

  it('bundles a snapshot larger than one command-line argument (esbuild through its JavaScript API)', () => {
    // The old cap (120,000 bytes) was Linux's 128 KiB per argument of the esbuild CLI.
    const entry = path.join(scratch, 'seed-like.ts');
    writeFileSync(
      entry,
      'declare const __KNOWLEDGE_SNAPSHOT__: string;\nexport const snapshot = __KNOWLEDGE_SNAPSHOT__;\n',
    );
    const define = JSON.stringify('k'.repeat(300_000));
    const result = buildSync(
      lambdaBuildOptions({ entryPoints: [entry], write: false, define: { __KNOWLEDGE_SNAPSHOT__: define } }),
    );
    expect(result.outputFiles?.[0]?.text).toContain('k'.repeat(300_000));
  });

  it('stops the deploy when the settings would not fit one table item, and not before', async () => {
    const loaded = (await loadKnowledgeDir()).settings;
    if (!loaded?.matcher.learned) throw new Error('the shipped knowledge base has learned counts');
    expect(() => checkSettingsSize(loaded)).not.toThrow();
    expect(() => checkSettingsSize(loaded, 10_000)).toThrow(
      /settings are .* one DynamoDB item \(at most 400 KB\)/,
    );
    // The learned counts are an item of their own: they do not count towards the settings' bytes.
    const { learned, ...matcher } = loaded.matcher;
    const alone = Buffer.byteLength(JSON.stringify({ ...loaded, matcher }));
    expect(alone).toBeLessThan(maxSettingsBytes);
    expect(Buffer.byteLength(JSON.stringify(learned))).toBeLessThan(maxLearnedBytes);
    expect(() => checkSettingsSize(loaded, alone)).not.toThrow();
    expect(() => checkSettingsSize(loaded, maxSettingsBytes, 10_000)).toThrow(/learned counts are/);
  });

  it('fails the synth when the knowledge base is invalid', async () => {
    const dir = path.join(scratch, 'broken-knowledge');
    mkdirSync(path.join(dir, 'entries'), { recursive: true });
    writeFileSync(path.join(dir, 'settings.yaml'), 'matcher: {}\n');
    await expect(loadKnowledgeSnapshot(dir)).rejects.toThrow(/is invalid[\s\S]*settings\.yaml/);
    await expect(
      buildApp(
        { 'aws:cdk:bundling-stacks': [] },
        { nag: false, cloudFormationValidation: false, knowledgeDir: dir, webAssetsDir: null },
      ),
    ).rejects.toThrow(/is invalid/);
  });
});

describe('knowledge seed handler', () => {
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const { startDatabase } = await import('../../functions/local/database.ts');
    const database = await startDatabase(undefined, 'seed-test');
    process.env.AWS_REGION = 'eu-central-1';
    process.env.DYNAMODB_ENDPOINT = database.endpoint;
    process.env.KNOWLEDGE_TABLE = database.tableNames.knowledge;
    close = () => database.close();
  }, 60_000);
  afterAll(() => close());

  const event = (RequestType: 'Create' | 'Update' | 'Delete') =>
    ({
      RequestType,
      ServiceToken: 'token',
      ResponseURL: 'https://example.invalid',
      StackId: 'stack',
      RequestId: 'request',
      LogicalResourceId: 'KnowledgeSeed',
      ResourceType: 'Custom::KnowledgeSeed',
      ResourceProperties: { ServiceToken: 'token' },
      ...(RequestType === 'Create' ? {} : { PhysicalResourceId: 'knowledge-seed' }),
      ...(RequestType === 'Update' ? { OldResourceProperties: {} } : {}),
    }) as CloudFormationCustomResourceEvent;

  it('imports the defaults, re-imports them on update, and never overwrites staff edits', async () => {
    const { seedKnowledge } = await import('../../functions/seed-knowledge/handler.ts');
    const { importKnowledge, readMeta, readEvalCases } = await import(
      '../../functions/lib/knowledge/store.ts'
    );
    const report = await loadKnowledgeDir();
    const evalCases = await readEvalFile(path.join(defaultKnowledgeDir, settings.publishing.evalFile ?? ''));
    expect(evalCases.length).toBeGreaterThan(0);
    const snapshot = () => ({ entries: report.entries, settings, evalCases });

    const created = await seedKnowledge(event('Create'), snapshot);
    expect(created).toEqual({
      PhysicalResourceId: 'knowledge-seed',
      Data: { imported: 'true', version: '1' },
    });
    expect(await readMeta(true)).toMatchObject({ version: 1, source: 'files' });
    // KB/EVAL holds the eval cases, so the publish gate on AWS checks them too.
    expect(await readEvalCases()).toEqual(evalCases);

    const fewer = evalCases.slice(0, 2);
    const updated = await seedKnowledge(event('Update'), () => ({ ...snapshot(), evalCases: fewer }));
    expect(updated.Data).toEqual({ imported: 'true', version: '2' });
    expect(await readEvalCases()).toEqual(fewer);

    await importKnowledge(report.entries.slice(1), settings, 'editor');
    const skipped = await seedKnowledge(event('Update'), snapshot);
    expect(skipped.Data).toEqual({ imported: 'false', version: '3' });
    expect(await readMeta(true)).toMatchObject({ version: 3, source: 'editor' });
    expect(await readEvalCases()).toEqual(fewer); // staff's knowledge base: the seed left it alone

    const deleted = await seedKnowledge(event('Delete'), () => {
      throw new Error('a delete must not read the snapshot');
    });
    expect(deleted).toEqual({ PhysicalResourceId: 'knowledge-seed' });
    expect(await readMeta(true)).toMatchObject({ version: 3, source: 'editor' });
  });

  it('re-applies the deployment-owned settings over staff content, and nothing else', async () => {
    const { seedKnowledge } = await import('../../functions/seed-knowledge/handler.ts');
    const { readMeta, loadPublished } = await import('../../functions/lib/knowledge/store.ts');
    const before = await loadPublished();
    const report = await loadKnowledgeDir();
    const deployed = {
      ...settings,
      contact: { ...settings.contact, dpoMailbox: 'dsb@strasburg.de', organisation: 'not from a deploy' },
      escalation: { ...settings.escalation, globalDailyCap: 42 },
    };
    const result = await seedKnowledge(event('Update'), () => ({
      entries: report.entries,
      settings: deployed,
      evalCases: [],
    }));
    expect(result.Data).toEqual({ imported: 'false', version: String((before?.version ?? 0) + 1) });
    const after = await loadPublished();
    expect(after?.settings.contact.dpoMailbox).toBe('dsb@strasburg.de');
    expect(after?.settings.escalation.globalDailyCap).toBe(42);
    // Editor-owned values and the staff's entries stay.
    expect(after?.settings.contact.organisation).toBe(before?.settings.contact.organisation);
    expect(after?.entries).toEqual(before?.entries);
    expect(await readMeta(true)).toMatchObject({ source: 'editor' });
  });

  it('brings new learned counts to a knowledge base that staff edited, and reloads the readers', async () => {
    const { seedKnowledge } = await import('../../functions/seed-knowledge/handler.ts');
    const { loadPublished, writeLearned } = await import('../../functions/lib/knowledge/store.ts');
    const before = await loadPublished();
    const shipped = (await loadKnowledgeDir()).settings;
    const learned = shipped?.matcher.learned;
    if (!shipped || !learned) throw new Error('the shipped knowledge base has learned counts');
    const recounted = {
      ...shipped,
      matcher: { ...shipped.matcher, learned: { ...learned, confidence: 0.8 } },
    };
    const result = await seedKnowledge(event('Update'), () => ({
      entries: [],
      settings: recounted,
      evalCases: [],
    }));
    expect(result.Data).toEqual({ imported: 'false', version: String((before?.version ?? 0) + 1) });
    const after = await loadPublished();
    expect(after?.settings.matcher.learned?.confidence).toBe(0.8);
    expect(after?.entries).toEqual(before?.entries);
    // The same counts again: nothing to reload.
    const again = await seedKnowledge(event('Update'), () => ({
      entries: [],
      settings: recounted,
      evalCases: [],
    }));
    expect(again.Data?.version).toBe(result.Data?.version);
    // A deploy that stored new counts and then failed (a publish during it): its retry still
    // moves the version on, though the counts are stored already.
    const retried = {
      ...recounted,
      matcher: { ...recounted.matcher, learned: { ...learned, confidence: 0.7 } },
    };
    await writeLearned(retried.matcher.learned);
    const retry = await seedKnowledge(event('Update'), () => ({
      entries: [],
      settings: retried,
      evalCases: [],
    }));
    expect(Number(retry.Data?.version)).toBe(Number(again.Data?.version) + 1);
    expect((await loadPublished())?.settings.matcher.learned?.confidence).toBe(0.7);
  });

  it('adds the shipped instructions once to settings published before they were data', async () => {
    const { seedKnowledge } = await import('../../functions/seed-knowledge/handler.ts');
    const { loadPublished, readMeta } = await import('../../functions/lib/knowledge/store.ts');
    const { getItem, putItem } = await import('../../functions/lib/adapters/dynamodb.ts');
    const { knowledgeKeys } = await import('../../functions/lib/knowledge/knowledge-table.ts');
    const shipped = (await loadKnowledgeDir()).settings;
    if (!shipped?.matcher.instructions?.length) throw new Error('the shipped settings have instructions');
    const meta = (await getItem('knowledge', knowledgeKeys.meta())) as Record<string, unknown> & {
      settings: typeof shipped;
    };
    const { instructions: _instructions, ...older } = meta.settings.matcher;
    await putItem('knowledge', {
      ...meta,
      pk: 'KB',
      sk: 'META',
      settings: { ...meta.settings, matcher: older },
    });
    const snapshot = () => ({ entries: [], settings: shipped, evalCases: [] });
    const before = await readMeta(true);
    const result = await seedKnowledge(event('Update'), snapshot);
    expect(Number(result.Data?.version)).toBe((before?.version ?? 0) + 1);
    expect((await loadPublished())?.settings.matcher.instructions).toEqual(shipped.matcher.instructions);
    // Once: an editors' list, even an empty one, stays theirs.
    const now = (await getItem('knowledge', knowledgeKeys.meta())) as typeof meta;
    await putItem('knowledge', {
      ...now,
      pk: 'KB',
      sk: 'META',
      settings: { ...now.settings, matcher: { ...now.settings.matcher, instructions: [] } },
    });
    const again = await seedKnowledge(event('Update'), snapshot);
    expect(again.Data?.version).toBe(result.Data?.version);
    expect((await loadPublished())?.settings.matcher.instructions).toEqual([]);
  });

  it('moves counts that an older table kept in META out of its settings', async () => {
    const { seedKnowledge } = await import('../../functions/seed-knowledge/handler.ts');
    const { loadPublished, readMeta } = await import('../../functions/lib/knowledge/store.ts');
    const { getItem, putItem } = await import('../../functions/lib/adapters/dynamodb.ts');
    const { knowledgeKeys } = await import('../../functions/lib/knowledge/knowledge-table.ts');
    const shipped = (await loadKnowledgeDir()).settings;
    if (!shipped?.matcher.learned) throw new Error('the shipped knowledge base has learned counts');
    const meta = (await getItem('knowledge', knowledgeKeys.meta())) as Record<string, unknown> & {
      settings: typeof shipped;
    };
    await putItem('knowledge', {
      ...meta,
      pk: 'KB',
      sk: 'META',
      settings: { ...meta.settings, matcher: { ...meta.settings.matcher, learned: shipped.matcher.learned } },
    });
    const before = await readMeta(true);
    const result = await seedKnowledge(event('Update'), () => ({
      entries: [],
      settings: shipped,
      evalCases: [],
    }));
    expect(Number(result.Data?.version)).toBe((before?.version ?? 0) + 1);
    expect((await readMeta(true))?.settings.matcher.learned).toBeUndefined();
    expect((await loadPublished())?.settings.matcher.learned).toEqual(shipped.matcher.learned);
  });
});

describe('stack with custom domains and web assets', () => {
  let stack: IncidentFaqStack;
  let template: Template;
  beforeAll(async () => {
    const site = path.join(scratch, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Test</title>\n');
    const built = await buildApp(
      {
        'aws:cdk:bundling-stacks': [],
        allowedOrigins: 'https://www.example.de',
        retentionDays: '45',
        dpoMailbox: 'dsb@example.de',
        senderAddress: 'noreply@mail.example.de',
        apiDomainName: 'api.example.de',
        certificateArn: apiCertificate,
        webDomainName: 'www.example.de',
        webCertificateArn: webCertificate,
        authDomainPrefix: 'strasburg-faq',
      },
      {
        nag: false,
        cloudFormationValidation: false,
        webAssetsDir: site,
        outdir: path.join(scratch, 'cdk.out'),
      },
    );
    stack = built.stack;
    template = Template.fromStack(stack);
  }, 120_000);

  it('serves the API only on the custom domain', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      DisableExecuteApiEndpoint: true,
      CorsConfiguration: { AllowOrigins: ['https://www.example.de'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.de',
      DomainNameConfigurations: [{ CertificateArn: apiCertificate, SecurityPolicy: 'TLS_1_2' }],
    });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    template.hasOutput('ApiUrl', { Value: 'https://api.example.de' });
  });

  it('serves the web on its domain with TLS 1.2 and deploys the assets', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['www.example.de'],
        ViewerCertificate: {
          AcmCertificateArn: webCertificate,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
    // The assets, and staff-config.json with the API on its custom domain.
    template.resourceCountIs('Custom::CDKBucketDeployment', 2);
    template.hasOutput('WebUrl', { Value: 'https://www.example.de' });
  });

  it('signs staff in on the configured hosted UI prefix, back to the pages on the web domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'strasburg-faq' });
    const pages = ['https://www.example.de/inbox', 'https://www.example.de/editor'];
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: pages,
      LogoutURLs: pages,
    });
    // The CSP names the domain resource (its Ref is the prefix): substitute it to read the policy.
    const domains = template.findResources('AWS::Cognito::UserPoolDomain');
    const [domainId = ''] = Object.keys(domains);
    const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(policy?.Properties.ResponseHeadersPolicyConfig).replace(
      `",{"Ref":"${domainId}"},"`,
      domains[domainId]?.Properties.Domain,
    );
    expect(csp).toContain(
      "connect-src 'self' https://api.example.de https://strasburg-faq.auth.eu-central-1.amazoncognito.com;",
    );
  });

  it('seeds settings that agree with the deployment context, and sets no RETENTION_DAYS', () => {
    const seeded = decodeSnapshot(JSON.parse(stack.knowledgeSeed.knowledge.define) as string).settings;
    expect(seeded.escalation.retentionDays).toBe(45);
    expect(seeded.contact.dpoMailbox).toBe('dsb@example.de');
    expect(seeded.contact.senderAddress).toBe('noreply@mail.example.de');
    expect(seeded.cors.allowedOrigins).toEqual(stack.config.allowedOrigins);
    expect(seeded.cors.allowedOrigins).toEqual(['https://www.example.de']);
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as {
      Properties: { Environment?: { Variables?: Record<string, unknown> } };
    }[];
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(fn.Properties.Environment?.Variables?.RETENTION_DAYS).toBeUndefined();
    template.hasResourceProperties('Custom::KnowledgeSeed', {
      SnapshotSha256: stack.knowledgeSeed.knowledge.sha256,
    });
  });

  it('passes the nag packs in this variant too', () => {
    const app = stack.node.root;
    const findings = unacknowledgedNagFindings(app);
    expect(findings).toEqual([]);
    expect(stack.nagAcknowledgements.some((ack) => ack.id === 'AwsSolutions-CFR4')).toBe(false);
  }, 60_000);
});
