import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionEnvironment } from '../../functions/lib/definitions/environment.ts';
import type { FunctionDefinition } from '../../functions/lib/definitions/routes.ts';
import { notifyStreamFilterPatterns } from '../../functions/lib/escalations/stream-filter.ts';
import type { AppConfig } from '../config.ts';
import type { AppFunction } from './app-function.ts';

/** The function that mails the DPO about new tickets, triggered by the tickets table's stream. */
export const notifyFunctionName = 'notify';

export interface NotificationsProps {
  config: AppConfig;
  functions: Readonly<Record<string, AppFunction>>;
  functionDefinitions: Readonly<Record<string, FunctionDefinition>>;
  ticketsTable: dynamodb.ITable;
  /** The DPO inbox page; notice mails link to it. */
  inboxUrl: string;
  /** The public API; the confirmation link in mails points at it. */
  apiUrl?: string;
}

/**
 * Mail: an SES configuration set that insists on TLS, send permission for the functions whose
 * definition says `sendsMail` (only as the configured sender), and, once a `notify` function is
 * defined, the tickets stream feeding it with failed batches parked in an encrypted queue.
 */
export class Notifications extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly failureQueue: sqs.Queue;
  readonly mailFunctions: AppFunction[] = [];
  readonly notifyFunction?: AppFunction;
  /** The tickets stream's event source mapping of `notify` (its iterator age is alarmed). */
  readonly eventSource?: DynamoEventSource;
  /** SES bounces, complaints and rejects of the configuration set (mailed to the alarm address). */
  readonly mailEventsTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { config } = props;

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    // Bounces and complaints: SES pauses an account whose rates stay high, and then every
    // citizen answer fails. Each event goes to the alarm address (the DPO sees which ticket's
    // mail bounced); the account suppression list stops repeats (suppressionReasons above).
    const stack = Stack.of(this);
    const mailEventsKey = new kms.Key(this, 'MailEventsKey', {
      description: 'Encrypts the SES mail events topic of the incident FAQ assistant',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    mailEventsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // a key policy always names its own key as '*'
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.mailEventsTopic = new sns.Topic(this, 'MailEvents', {
      displayName: 'Incident FAQ mail bounces and complaints',
      masterKey: mailEventsKey,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.mailEventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });

    this.failureQueue = new sqs.Queue(this, 'NotifyFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const identityArn = (identity: string) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
    const sendMail = new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        identityArn(config.senderDomain),
        identityArn(config.senderAddress),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: this.configurationSet.configurationSetName,
        }),
      ],
      conditions: { StringEquals: { 'ses:FromAddress': config.senderAddress } },
    });

    for (const [name, definition] of Object.entries(props.functionDefinitions)) {
      const fn = props.functions[name];
      if (!fn || !definition.sendsMail) continue;
      fn.addToRolePolicy(sendMail);
      const environment: FunctionEnvironment = {
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: config.senderAddress,
        DPO_MAILBOX: config.dpoMailbox,
        SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
        INBOX_URL: props.inboxUrl,
        ...(props.apiUrl ? { API_URL: props.apiUrl } : {}),
      };
      for (const [variable, value] of Object.entries(environment)) fn.addEnvironment(variable, value);
      this.mailFunctions.push(fn);
    }

    const notify = props.functions[notifyFunctionName];
    if (notify) {
      this.eventSource = new DynamoEventSource(props.ticketsTable, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 3,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failureQueue),
        filters: notifyStreamFilterPatterns.map((pattern) => lambda.FilterCriteria.filter(pattern)),
      });
      notify.addEventSource(this.eventSource);
      this.notifyFunction = notify;
    }
  }
}
