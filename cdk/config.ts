import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import {
  type DeploymentOwnedSettings,
  deploymentOwned,
} from '../functions/lib/knowledge/deployment-settings.ts';
import { type Settings, settingsSchema } from '../functions/lib/knowledge/schema.ts';
import { readYamlValue } from '../functions/lib/knowledge/validate.ts';
import { repoRoot } from './paths.ts';
import { defaultStage, placeholderProblems, type Stage, type StageFile } from './stage.ts';

/**
 * Deployment configuration: the stage file `deploy/<stage>.json` (see stage.ts), with CDK
 * context values (`-c key=value`) for one-off overrides, validated with zod.
 */
export interface AppConfig {
  /** The stage (`-c stage=prod`): in the stack name and every global resource name. */
  stage: string;
  /** Marked development in its stage file: localhost and example.* values allowed. */
  development: boolean;
  waf: StageFile['waf'];
  monthlyBudgetUsd: number;
  /** Written into the published settings on every deploy (see deployment-settings.ts). */
  deploymentSettings: DeploymentOwnedSettings;
  region: string;
  dpoMailbox: string;
  senderAddress: string;
  /** The domain of `senderAddress`: the SES identity the mail functions may send as. */
  senderDomain: string;
  /** CORS origins of the API: the configured ones plus `https://<webDomainName>` when set. */
  allowedOrigins: string[];
  /** Closed tickets are erased after this many days. */
  retentionDays: number;
  /** Custom API domain (regional ACM certificate in the stack's region). */
  apiDomain?: { domainName: string; certificateArn: string };
  /** Custom web domain (ACM certificate in us-east-1, as CloudFront requires). */
  webDomain?: { domainName: string; certificateArn: string };
  alarmEmail: string;
  openTicketAlarmHours: number;
  /**
   * Prefix of the Cognito hosted UI domain `https://<prefix>.auth.<region>.amazoncognito.com`;
   * undefined: `incident-faq-<account id>`, resolved at deploy time.
   */
  authDomainPrefix?: string;
}

/** The context keys the app reads. */
export const contextKeys = [
  'region',
  'dpoMailbox',
  'senderAddress',
  'allowedOrigins',
  'retentionDays',
  'apiDomainName',
  'certificateArn',
  'webDomainName',
  'webCertificateArn',
  'alarmEmail',
  'openTicketAlarmHours',
  'authDomainPrefix',
] as const;

export type ContextKey = (typeof contextKeys)[number];

export const defaultRegion = 'eu-central-1';

// KNOWLEDGE_DIR: the folder of another town's knowledge base (`kb init`, docs/own-incident.md).
const settingsFile = path.join(
  process.env.KNOWLEDGE_DIR ? path.resolve(process.env.KNOWLEDGE_DIR) : path.join(repoRoot, 'knowledge'),
  'settings.yaml',
);

/**
 * Reads and validates `knowledge/settings.yaml` (the source of the configuration defaults). The
 * parse is remembered by content: a test file synthesises many stacks.
 */
export function loadSettings(file = settingsFile): Settings {
  const result = settingsSchema.safeParse(readYamlValue(readFileSync(file, 'utf8')));
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(`${file} is invalid:\n${lines.join('\n')}`);
  }
  return result.data;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.origin !== value) return false;
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}

const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a DNS host name like api.example.de',
  );

const certificateArnPattern = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;
const certificateArn = z.string().trim().regex(certificateArnPattern, 'must be an ACM certificate ARN');
const certificateRegion = (arn: string) => certificateArnPattern.exec(arn)?.[1];

/**
 * A Cognito prefix domain: lower-case letters, digits and inner hyphens, at most 63 characters,
 * without the words Cognito reserves (aws, amazon, cognito).
 */
const authDomainPrefix = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be lower-case letters, digits and hyphens (at most 63, no hyphen at either end)',
  )
  .refine(
    (prefix) => !/aws|amazon|cognito/.test(prefix),
    'must not contain the reserved words aws, amazon or cognito',
  );

/** A comma-separated context string or an array. */
const list = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value,
  z.array(z.string()),
);

const configSchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, 'must be an AWS region like eu-central-1'),
  dpoMailbox: z.email('must be an e-mail address'),
  senderAddress: z.email('must be an e-mail address'),
  allowedOrigins: list.pipe(
    z
      .array(
        z
          .string()
          .transform((origin) => origin.replace(/\/+$/, ''))
          .refine(
            isOrigin,
            'must be an origin like https://www.example.de (no path; http only for localhost)',
          ),
      )
      .min(1, 'needs at least one origin'),
  ),
  retentionDays: z.coerce.number('must be a whole number of days').int().min(1).max(3650),
  apiDomainName: hostname.optional(),
  certificateArn: certificateArn.optional(),
  webDomainName: hostname.optional(),
  webCertificateArn: certificateArn.optional(),
  alarmEmail: z.email('must be an e-mail address'),
  openTicketAlarmHours: z.coerce
    .number('must be a number of hours')
    .positive()
    .max(24 * 30),
  authDomainPrefix: authDomainPrefix.optional(),
});

/** Checks across keys, reported together with the per-key problems. */
function pairProblems(raw: Partial<Record<ContextKey, unknown>>): string[] {
  const problems: string[] = [];
  const text = (key: ContextKey) => {
    const value = raw[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  if (!text('apiDomainName') !== !text('certificateArn')) {
    problems.push('apiDomainName: apiDomainName and certificateArn must be set together');
  }
  const apiRegion = certificateRegion(text('certificateArn') ?? '');
  if (apiRegion && apiRegion !== raw.region) {
    problems.push(`certificateArn: the API certificate must be in the stack's region ${String(raw.region)}`);
  }
  if (!text('webDomainName') !== !text('webCertificateArn')) {
    problems.push('webDomainName: webDomainName and webCertificateArn must be set together');
  }
  const webRegion = certificateRegion(text('webCertificateArn') ?? '');
  if (webRegion && webRegion !== 'us-east-1') {
    problems.push('webCertificateArn: CloudFront needs the web certificate in us-east-1');
  }
  return problems;
}

/** Context values as the CLI passes them: strings, or anything a test puts into the App context. */
export type ContextReader = (key: ContextKey) => unknown;

/**
 * Builds the configuration from CDK context, falling back to `knowledge/settings.yaml`.
 * Throws one error listing every invalid value.
 */
export function resolveConfig(
  readContext: ContextReader,
  settings: Settings = loadSettings(),
  stage?: Stage,
): AppConfig {
  const file = stage?.file;
  const defaults: Partial<Record<ContextKey, unknown>> = {
    region: file?.region ?? defaultRegion,
    dpoMailbox: file?.settings.contact.dpoMailbox ?? settings.contact.dpoMailbox,
    senderAddress: file?.settings.contact.senderAddress ?? settings.contact.senderAddress,
    allowedOrigins: file?.settings.cors.allowedOrigins ?? settings.cors.allowedOrigins,
    retentionDays: file?.settings.escalation.retentionDays ?? settings.escalation.retentionDays,
    alarmEmail: file?.alarmEmail ?? settings.contact.dpoMailbox,
    openTicketAlarmHours: file?.openTicketAlarmHours ?? 24,
    apiDomainName: file?.apiDomainName,
    certificateArn: file?.certificateArn,
    webDomainName: file?.webDomainName,
    webCertificateArn: file?.webCertificateArn,
    authDomainPrefix: file?.authDomainPrefix,
  };
  // Without a stage file (tests of the context handling): a development stage.
  const development = file?.development ?? true;
  const raw: Partial<Record<ContextKey, unknown>> = {};
  for (const key of contextKeys) {
    const value = readContext(key);
    raw[key] = value === undefined || value === '' ? defaults[key] : value;
  }
  const result = configSchema.safeParse(raw);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.') || '(context)'}: ${issue.message}`)),
    ...pairProblems(raw),
    ...(development || !result.success
      ? []
      : placeholderProblems({
          allowedOrigins: result.data.allowedOrigins,
          addresses: {
            dpoMailbox: result.data.dpoMailbox,
            senderAddress: result.data.senderAddress,
            alarmEmail: result.data.alarmEmail,
          },
        })),
  ];
  if (!result.success || problems.length > 0) {
    const lines = problems.map((problem) => `  - ${problem}`);
    const stageName = stage?.name ?? defaultStage;
    throw new Error(
      `Invalid configuration of stage "${stageName}":\n${lines.join('\n')}\n` +
        `Fix deploy/${stageName}.json (or the -c key=value override); localhost and example.* values ` +
        'need "development": true in the stage file (see docs/deploy.md, "Stages").',
    );
  }
  const { data: value } = result;
  const owned = file?.settings ?? deploymentOwned(settings);
  // The pages on the custom web domain call the API, so that origin is always allowed.
  const allowedOrigins = [
    ...new Set([
      ...value.allowedOrigins,
      ...(value.webDomainName && value.webCertificateArn ? [`https://${value.webDomainName}`] : []),
    ]),
  ];
  return {
    stage: stage?.name ?? defaultStage,
    development,
    waf: file?.waf ?? { enabled: true, rateLimits: { ask: 300, escalations: 50, staff: 1000 } },
    monthlyBudgetUsd: file?.monthlyBudgetUsd ?? 50,
    deploymentSettings: {
      ...owned,
      // -c overrides win over the stage file, here as in the stack.
      contact: { dpoMailbox: value.dpoMailbox, senderAddress: value.senderAddress },
      cors: { allowedOrigins },
      escalation: { ...owned.escalation, retentionDays: value.retentionDays },
    },
    region: value.region,
    dpoMailbox: value.dpoMailbox,
    senderAddress: value.senderAddress,
    senderDomain: value.senderAddress.split('@')[1] ?? '',
    allowedOrigins,
    retentionDays: value.retentionDays,
    ...(value.apiDomainName && value.certificateArn
      ? { apiDomain: { domainName: value.apiDomainName, certificateArn: value.certificateArn } }
      : {}),
    ...(value.webDomainName && value.webCertificateArn
      ? { webDomain: { domainName: value.webDomainName, certificateArn: value.webCertificateArn } }
      : {}),
    alarmEmail: value.alarmEmail,
    openTicketAlarmHours: value.openTicketAlarmHours,
    ...(value.authDomainPrefix ? { authDomainPrefix: value.authDomainPrefix } : {}),
  };
}
