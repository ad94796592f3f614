import { DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { IConstruct } from 'constructs';
import { type TableDefinition, tables as tableDefinitions } from '../functions/lib/definitions/tables.ts';
import { AppFunction } from './constructs/app-function.ts';
import type { IncidentFaqStack } from './stack.ts';

/**
 * Every cdk-nag acknowledgement of the app, each with its reason. cdk-nag 3 reads CDK's native
 * `Validations.of(scope).acknowledge()`; an acknowledgement covers the construct and its children.
 * Findings with several occurrences (IAM5) are acknowledged one finding at a time.
 */
export interface NagAcknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledge(list: NagAcknowledgement[], scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
  list.push({ path: scope.node.path, id, reason });
}

const reasons = {
  secretRotation:
    "The master key derives citizens' ticket access codes: rotating it would lock every citizen out of " +
    'a ticket that is still kept. It is rotated by hand after a suspected leak (docs/abuse-and-privacy.md).',
  runtime:
    'Runtime pinned to Node.js 22 (nodejs22.x), the version the handlers are built and tested for; ' +
    'moving to a newer runtime is a deliberate upgrade together with the local toolchain.',
  xray:
    'X-Ray (xray:PutTraceSegments, xray:PutTelemetryRecords) and dynamodb:ListStreams support no ' +
    'resource-level permissions, so CDK grants them on "*"; every other statement names its resources.',
  index:
    "CDK grants the same table access on the table's global secondary indexes (table/index/*); the " +
    'function may query those indexes of the table its definition lists, nothing else.',
  apiFunctionDlq:
    'Invoked synchronously by API Gateway: errors return to the caller and are alarmed; a dead-letter ' +
    'queue only applies to asynchronous invocations.',
  notifyDlq:
    'Invoked by a DynamoDB stream event source mapping whose failed batches go to the encrypted ' +
    'on-failure queue (alarmed); a function dead-letter queue only applies to asynchronous invocations.',
  scheduledDlq:
    'Invoked asynchronously by its EventBridge schedule, which retries and drops events older than ' +
    'the interval: each run only measures the current state, the next run supersedes a failed one, ' +
    'and failures raise the function error alarm; a dead-letter queue would hold only stale events.',
  scheduleTargetDlq:
    'Schedule target of a measuring function: a missed invocation is superseded by the next run of ' +
    'the rate schedule (retries and maximum event age are set on the target) and the open-ticket ' +
    'alarm treats missing data as not breaching; a dead-letter queue would hold only stale events.',
  seedDlq:
    'Invoked synchronously by the custom resource provider framework, which reports failures to ' +
    'CloudFormation (the deployment fails and rolls back); a dead-letter queue would add nothing.',
  frameworkDlq:
    'CDK custom resource provider framework: CloudFormation waits for its answer and rolls back on ' +
    'failure; a dead-letter queue would hold events nobody could replay.',
  frameworkTracing:
    'CDK custom resource provider framework (CDK-owned code, runs only during deployments); the seed ' +
    'function it calls is traced.',
  frameworkInvoke:
    'The CDK provider framework may invoke the seed function and its versions ("<function arn>:*"); ' +
    'no other function.',
  publicRoute:
    'Public citizen route (anonymous chat widget): no authorizer by design; protected by per-route ' +
    'throttling, CORS allow-list and input validation in the handler.',
  failureQueueDlq:
    'This queue is itself the on-failure destination of the notify stream; its messages are alarmed ' +
    'and inspected by hand, so a further dead-letter queue would only move them.',
  alarmSubscription:
    'E-mail subscription of the alarm topic: SNS retries e-mail delivery itself and alarm state stays ' +
    'visible in CloudWatch; a dead-letter queue for undeliverable alarm e-mails would not be read.',
  geoRestriction:
    'Citizens may ask from abroad (travel, commuters, relatives); the content is public information.',
  waf:
    'This stage switches WAF off in its deploy/<stage>.json (waf.enabled: false), e.g. a short-lived ' +
    'test stage; the API routes stay throttled per route.',
  defaultCertificate:
    'No custom web domain configured: the default *.cloudfront.net certificate is used, for which ' +
    'CloudFront fixes the TLS policy; with webDomainName/webCertificateArn the stack sets TLS_V1_2_2021.',
  deploymentHandler:
    'CDK BucketDeployment handler (CDK-owned, runs only during deployments): CDK chooses its Python ' +
    'runtime, it is invoked synchronously by CloudFormation, and it is not traced.',
  deploymentPolicy:
    'CDK BucketDeployment: copies the asset into the site bucket (object-level wildcards on that ' +
    'bucket and the CDK asset bucket) and invalidates the distribution (CloudFront has no ' +
    'resource-level permission for invalidations in this grant).',
} as const;

function logicalId(stack: IncidentFaqStack, scope: IConstruct): string {
  const child = scope.node.defaultChild;
  if (!child) throw new Error(`${scope.node.path} has no default child`);
  return stack.getLogicalId(child as never);
}

/** Applies every acknowledgement; returns them (for tests and reports). */
export function applyNagSuppressions(stack: IncidentFaqStack): NagAcknowledgement[] {
  const list: NagAcknowledgement[] = [];
  const notify = stack.notifications.notifyFunction;
  const seed = stack.knowledgeSeed.seedFunction;

  // Functions built from project code.
  for (const fn of stack.node.findAll().filter((c): c is AppFunction => c instanceof AppFunction)) {
    acknowledge(list, fn, 'AwsSolutions-L1', reasons.runtime);
    acknowledge(list, fn, 'Serverless-LambdaLatestVersion', reasons.runtime);
    const dlqReason =
      fn === seed
        ? reasons.seedDlq
        : fn === notify
          ? reasons.notifyDlq
          : stack.schedules.isScheduled(fn)
            ? reasons.scheduledDlq
            : reasons.apiFunctionDlq;
    acknowledge(list, fn, 'Serverless-LambdaDLQ', dlqReason);
    acknowledge(list, fn.role ?? fn, 'AwsSolutions-IAM5[Resource::*]', reasons.xray);
    const indexed = new Set<dynamodb.ITable>();
    for (const bound of fn.boundTables) {
      const definition: TableDefinition = tableDefinitions[bound.name];
      if (!definition.indexes?.length || indexed.has(bound.table)) continue;
      indexed.add(bound.table);
      acknowledge(
        list,
        fn.role ?? fn,
        `AwsSolutions-IAM5[Resource::<${logicalId(stack, bound.table)}.Arn>/index/*]`,
        reasons.index,
      );
    }
  }

  // The knowledge seed's provider framework.
  const { frameworkFunction } = stack.knowledgeSeed;
  acknowledge(list, frameworkFunction, 'Serverless-LambdaDLQ', reasons.frameworkDlq);
  acknowledge(list, frameworkFunction, 'Serverless-LambdaTracing', reasons.frameworkTracing);
  acknowledge(
    list,
    frameworkFunction.role ?? frameworkFunction,
    `AwsSolutions-IAM5[Resource::<${logicalId(stack, seed)}.Arn>:*]`,
    reasons.frameworkInvoke,
  );

  // Scheduled functions: EventBridge targets without a dead-letter queue.
  for (const { rule } of stack.schedules.scheduled) {
    acknowledge(list, rule, 'Serverless-EventBusDLQ', reasons.scheduleTargetDlq);
  }

  // Citizen routes are public on purpose.
  for (const { route } of stack.api.publicRoutes) {
    acknowledge(list, route, 'AwsSolutions-APIG4', reasons.publicRoute);
  }

  // Notifications and alarms.
  acknowledge(list, stack.notifications.failureQueue, 'AwsSolutions-SQS3', reasons.failureQueueDlq);
  acknowledge(list, stack.notifications.failureQueue, 'Serverless-SQSRedrivePolicy', reasons.failureQueueDlq);
  acknowledge(list, stack.monitoring.topic, 'Serverless-SNSRedrivePolicy', reasons.alarmSubscription);
  acknowledge(
    list,
    stack.notifications.mailEventsTopic,
    'Serverless-SNSRedrivePolicy',
    reasons.alarmSubscription,
  );
  acknowledge(list, stack.appSecret.secret, 'AwsSolutions-SMG4', reasons.secretRotation);

  // Web.
  const { distribution, deployment } = stack.web;
  acknowledge(list, distribution, 'AwsSolutions-CFR1', reasons.geoRestriction);
  if (!stack.config.waf.enabled) acknowledge(list, distribution, 'AwsSolutions-CFR2', reasons.waf);
  if (!stack.config.webDomain)
    acknowledge(list, distribution, 'AwsSolutions-CFR4', reasons.defaultCertificate);
  if (deployment && stack.web.deploymentRole) {
    const qualifier =
      stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const assetBucket = `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-${stack.region}/*`;
    for (const finding of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::${assetBucket}`,
      `Resource::<${logicalId(stack, stack.web.siteBucket)}.Arn>/*`,
      'Resource::*',
    ]) {
      acknowledge(list, stack.web.deploymentRole, `AwsSolutions-IAM5[${finding}]`, reasons.deploymentPolicy);
    }
    // The handler is a stack-level singleton, not a child of the deployment construct.
    const handlers = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const handler of handlers) {
      for (const id of [
        'AwsSolutions-L1',
        'Serverless-LambdaLatestVersion',
        'Serverless-LambdaDLQ',
        'Serverless-LambdaTracing',
      ]) {
        acknowledge(list, handler, id, reasons.deploymentHandler);
      }
    }
  }
  return list;
}
