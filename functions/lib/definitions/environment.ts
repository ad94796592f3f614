import { tables } from './tables.ts';

/**
 * Every environment variable the functions (and the local platform) read, defined once. Read
 * them only through config/env.ts, which accepts nothing but these names; the CDK stack and the
 * local stack set them. `setBy` says who provides the value.
 */
export const environmentVariables = {
  // Physical table names, one per table definition (tables.ts names the variable).
  [tables.knowledge.envVar]: { setBy: 'stack', description: 'Name of the knowledge table' },
  [tables.tickets.envVar]: { setBy: 'stack', description: 'Name of the tickets table' },
  [tables.analytics.envVar]: { setBy: 'stack', description: 'Name of the analytics table' },
  AWS_REGION: { setBy: 'lambda', description: 'Region of the SDK clients (default eu-central-1)' },
  TEST_DYNAMODB_ENDPOINT: { setBy: 'local', description: 'DynamoDB Local of `npm run test:fidelity`' },
  DYNAMODB_ENDPOINT: { setBy: 'local', description: 'Embedded database endpoint; unset on AWS' },
  POWERTOOLS_SERVICE_NAME: { setBy: 'stack', description: 'Logger service name and metric dimension' },
  POWERTOOLS_LOG_LEVEL: { setBy: 'stack', description: 'Log level (tests set SILENT)' },
  POWERTOOLS_METRICS_NAMESPACE: { setBy: 'stack', description: 'CloudWatch namespace of custom metrics' },
  // On AWS the CORS origins come from the published settings (deploy/<stage>.json).
  ALLOWED_ORIGINS: { setBy: 'local', description: 'Comma-separated CORS origins of `npm start`' },
  KNOWLEDGE_CHECK_INTERVAL_MS: { setBy: 'local', description: 'How often readers poll the KB version' },
  MAIL_TRANSPORT: { setBy: 'stack', description: '`ses` on AWS, `outbox` locally' },
  MAIL_FROM: { setBy: 'stack', description: 'Sender address of notification mail (optional)' },
  DPO_MAILBOX: { setBy: 'stack', description: "The DPO's mailbox for new-ticket notices (optional)" },
  SES_CONFIGURATION_SET: { setBy: 'stack', description: 'SES configuration set for event tracking' },
  INBOX_URL: { setBy: 'stack', description: 'Link to the DPO inbox in notification mail' },
  API_URL: { setBy: 'stack', description: 'Public API base URL; confirmation links in mail point at it' },
  APP_SECRET_ARN: {
    setBy: 'stack',
    description: 'Secrets Manager ARN of the master key (derived keys only)',
  },
  OUTBOX_DIR: { setBy: 'local', description: 'Folder of the local mail outbox (.eml files)' },
  DATA_DIR: { setBy: 'local', description: 'Local data folder (database, outbox, dev issuer keys)' },
  KNOWLEDGE_DIR: {
    setBy: 'local',
    description: 'Knowledge folder of `npm start` (first import) and `npm run kb` (default knowledge/)',
  },
  PORT: { setBy: 'local', description: '`npm start` port (default 3000)' },
  FAULT_RATE: { setBy: 'local', description: 'Share of DynamoDB calls that fail on purpose, in [0, 1)' },
} as const satisfies Record<string, { setBy: 'stack' | 'lambda' | 'local'; description: string }>;

export type EnvironmentVariable = keyof typeof environmentVariables;

/** Values for a function's environment (the stack and the local stack), keyed by known names only. */
export type FunctionEnvironment = Partial<Record<EnvironmentVariable, string>>;
