import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { settingsSchema } from '../functions/lib/knowledge/schema.ts';
import { repoRoot } from './paths.ts';

/**
 * Per-stage configuration as code: `deploy/<stage>.json`, committed, validated here at synth.
 * The deployment-owned settings are validated with the same zod schema as the knowledge
 * settings (functions/lib/knowledge/schema.ts), so a value the handlers would reject can never
 * be deployed.
 */
export const defaultStage = 'dev';
export const deployDir = path.join(repoRoot, 'deploy');

const stageName = z
  .string()
  .regex(
    /^[a-z][a-z0-9]{0,11}$/,
    'must be lower-case letters and digits, starting with a letter, at most 12',
  );

/** Requests per IP address in any 5-minute window before WAF blocks that address (AWS minimum: 10). */
const rateLimit = z.number().int().min(10).max(2_000_000_000);

export const stageFileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Development stages may use localhost and `example.*` origins and addresses. */
  development: z.boolean().default(false),
  region: z.string(),
  alarmEmail: z.email('must be an e-mail address'),
  openTicketAlarmHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  apiDomainName: z.string().optional(),
  certificateArn: z.string().optional(),
  webDomainName: z.string().optional(),
  webCertificateArn: z.string().optional(),
  authDomainPrefix: z.string().optional(),
  /** AWS WAF on the CloudFront distribution (a web ACL in us-east-1); on unless switched off. */
  waf: z
    .strictObject({
      enabled: z.boolean().default(true),
      rateLimits: z
        .strictObject({ ask: rateLimit, escalations: rateLimit, staff: rateLimit })
        .default({ ask: 300, escalations: 50, staff: 1000 }),
    })
    .default({ enabled: true, rateLimits: { ask: 300, escalations: 50, staff: 1000 } }),
  /** AWS Budgets: mail the alarm address when the stage's tagged monthly spend passes this. */
  monthlyBudgetUsd: z.number().positive().max(100_000),
  /** The deployment-owned settings, re-applied on every deploy (see deployment-settings.ts). */
  settings: z.strictObject({
    contact: settingsSchema.shape.contact.pick({ dpoMailbox: true, senderAddress: true }),
    cors: settingsSchema.shape.cors,
    escalation: settingsSchema.shape.escalation,
    unanswered: settingsSchema.shape.unanswered,
    publishing: settingsSchema.shape.publishing.pick({ fourEyes: true }),
  }),
});

export type StageFile = z.output<typeof stageFileSchema>;

export interface Stage {
  name: string;
  file: StageFile;
}

/** Reads and validates `deploy/<stage>.json`; every failure names the fix. */
export function loadStage(name: unknown, dir = deployDir): Stage {
  const stage = stageName.safeParse(name ?? defaultStage);
  if (!stage.success) {
    throw new Error(`Invalid stage "${String(name)}": ${stage.error.issues[0]?.message} (-c stage=prod)`);
  }
  const file = path.join(dir, `${stage.data}.json`);
  const relative = path.relative(repoRoot, file);
  if (!existsSync(file)) {
    throw new Error(
      `No stage file ${relative} for stage "${stage.data}". Copy deploy/prod.example.json to ${relative}, ` +
        `fill in the town's addresses, origins and budget, commit it, and synth again with -c stage=${stage.data} ` +
        '(see docs/deploy.md, "Stages").',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${relative} is not valid JSON: ${(error as Error).message}`);
  }
  const result = stageFileSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(
      `${relative} is invalid:\n${lines.join('\n')}\nFix the file (see docs/deploy.md, "Stages").`,
    );
  }
  return { name: stage.data, file: result.data };
}

const placeholderHost = (host: string) =>
  host === 'localhost' || host === '127.0.0.1' || host === '::1' || /(^|\.)example\.[a-z]+$/.test(host);

/**
 * Origins and addresses that only make sense on a developer's machine or in the docs; a stage
 * not marked `development` must not deploy them (they would silently break CORS or mail).
 */
export function placeholderProblems(values: {
  allowedOrigins: readonly string[];
  addresses: Record<string, string>;
}): string[] {
  const problems: string[] = [];
  for (const origin of values.allowedOrigins) {
    let host = '';
    try {
      host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
    } catch {
      continue; // reported by the origin check
    }
    if (placeholderHost(host)) problems.push(`allowedOrigins: ${origin} is a development origin`);
  }
  for (const [key, address] of Object.entries(values.addresses)) {
    const domain = address.split('@')[1]?.toLowerCase() ?? '';
    if (placeholderHost(domain)) problems.push(`${key}: ${address} is a placeholder address`);
  }
  return problems;
}
