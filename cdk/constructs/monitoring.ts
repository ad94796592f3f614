import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricNames, metricNamespace, serviceName } from '../../functions/lib/definitions/metrics.ts';
import type { AppConfig } from '../config.ts';
import { pascalCase } from './naming.ts';

/** The metric a function emits for the open-ticket alarm (see functions/lib/definitions/metrics.ts). */
export function oldestOpenTicketMetric(period = Duration.hours(1)): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: metricNamespace,
    metricName: metricNames.oldestOpenTicketAgeHours,
    dimensionsMap: { service: serviceName },
    statistic: cloudwatch.Stats.MAXIMUM,
    period,
  });
}

export interface MonitoringProps {
  config: AppConfig;
  /** Every application function, by definition name. */
  functions: Readonly<Record<string, lambda.Function>>;
  httpApi: apigwv2.HttpApi;
  failureQueue: sqs.IQueue;
  /** The notify function's stream mapping; its iterator age is alarmed. */
  notifyEventSource?: DynamoEventSource;
  /** SES bounces and complaints, mailed to the alarm address. */
  mailEventsTopic?: sns.ITopic;
}

/** Share of the timeout at which a function's longest run alarms (it is about to time out). */
export const durationAlarmShare = 0.8;
/** SES reviews an account at 5 % bounces and 0.1 % complaints; alarm before that. */
export const sesBounceRateThreshold = 0.04;
export const sesComplaintRateThreshold = 0.0008;
/** Share of 4xx answers (throttling 429 included) over which the API alarms, with enough traffic. */
export const apiClientErrorPercent = 25;
export const apiClientErrorMinRequests = 50;
/** A stream record older than this has waited too long for its notice mail. */
export const iteratorAgeAlarmMinutes = 10;

/**
 * Alarms to an e-mail topic (function errors and throttles, failed notifications, API 5xx,
 * tickets left unanswered too long) and a small dashboard.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;

    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the incident FAQ alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch alarms publish to the encrypted topic, only on behalf of this account (no
    // confused deputy: another account's alarms cannot use the key).
    const account = Stack.of(this).account;
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // a key policy always names its own key as '*'
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Incident FAQ alarms',
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    props.mailEventsTopic?.addSubscription(new EmailSubscription(config.alarmEmail));
    const action = new SnsAction(this.topic);

    // Alarm actions only: an OK action on the same topic doubled every alarm mail.
    const alarm = (alarmId: string, props: cloudwatch.AlarmProps) => {
      const created = new cloudwatch.Alarm(this, alarmId, props);
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };
    const fiveMinutes = Duration.minutes(5);
    const anyOccurrence = {
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    } as const;

    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${pascalCase(name)}Errors`, {
        alarmDescription: `Function ${name} reported errors`,
        metric: fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        ...anyOccurrence,
      });
      alarm(`${pascalCase(name)}Throttles`, {
        alarmDescription: `Function ${name} was throttled`,
        metric: fn.metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        ...anyOccurrence,
      });
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      const timeout = fn.timeout?.toMilliseconds() ?? 3000;
      alarm(`${pascalCase(name)}NearTimeout`, {
        alarmDescription: `Function ${name} ran longer than ${durationAlarmShare * 100} % of its ${timeout / 1000} s timeout`,
        metric: fn.metricDuration({ period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: Math.round(timeout * durationAlarmShare),
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }

    const notify = props.notifyEventSource ? props.functions.notify : undefined;
    if (notify) {
      alarm('StreamIteratorAge', {
        alarmDescription: `Ticket notifications lag more than ${iteratorAgeAlarmMinutes} minutes behind the tickets stream`,
        metric: notify.metric('IteratorAge', { period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: iteratorAgeAlarmMinutes * 60_000,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }

    // Account-wide reputation metrics (the configuration set publishes reputation metrics):
    // SES pauses sending when they stay high, and then no citizen answer goes out.
    const sesRate = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.hours(1),
      });
    alarm('SesBounceRate', {
      alarmDescription: `SES bounce rate above ${sesBounceRateThreshold * 100} % (SES reviews at 5 %, pauses at 10 %)`,
      metric: sesRate('Reputation.BounceRate'),
      threshold: sesBounceRateThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm('SesComplaintRate', {
      alarmDescription: `SES complaint rate above ${sesComplaintRateThreshold * 100} % (SES reviews at 0.1 %, pauses at 0.5 %)`,
      metric: sesRate('Reputation.ComplaintRate'),
      threshold: sesComplaintRateThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    alarm('ApiClientErrorRate', {
      alarmDescription: `More than ${apiClientErrorPercent} % of API requests answered 4xx (incl. 429 throttling)`,
      metric: new cloudwatch.MathExpression({
        expression: `IF(requests >= ${apiClientErrorMinRequests}, 100 * clientErrors / requests, 0)`,
        usingMetrics: {
          requests: props.httpApi.metricCount({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
          clientErrors: props.httpApi.metricClientError({
            period: fiveMinutes,
            statistic: cloudwatch.Stats.SUM,
          }),
        },
        period: fiveMinutes,
        label: '4xx share (%)',
      }),
      threshold: apiClientErrorPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    alarm('NotifyFailures', {
      alarmDescription: 'Ticket notifications failed and wait in the failure queue',
      metric: props.failureQueue.metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      ...anyOccurrence,
    });

    alarm('ApiServerErrors', {
      alarmDescription: 'The API answered with 5xx',
      metric: props.httpApi.metricServerError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
      ...anyOccurrence,
    });

    alarm('OpenTicketsTooOld', {
      alarmDescription: `A forwarded question has been open for more than ${config.openTicketAlarmHours} hours`,
      metric: oldestOpenTicketMetric(),
      threshold: config.openTicketAlarmHours,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // The town-wide daily figure is an alarm, not a lock: any forwarded question above it.
    alarm('ForwardingFlood', {
      alarmDescription:
        'More questions were forwarded today than the daily figure (escalation.globalDailyCap): a flood? ' +
        'Citizens can still forward (bucket caps and the proof of work hold it); check the inbox.',
      metric: new cloudwatch.Metric({
        namespace: metricNamespace,
        metricName: metricNames.forwardingAboveDailyFigure,
        dimensionsMap: { service: serviceName },
        period: Duration.minutes(15),
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-overview`,
      defaultInterval: Duration.days(1),
    });
    const api = props.httpApi;
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests',
        left: [api.metricCount({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: 'requests' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (ms)',
        left: [
          api.metricLatency({
            period: fiveMinutes,
            statistic: cloudwatch.Stats.percentile(50),
            label: 'p50',
          }),
          api.metricLatency({
            period: fiveMinutes,
            statistic: cloudwatch.Stats.percentile(95),
            label: 'p95',
          }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API errors',
        left: [
          api.metricServerError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: '5xx' }),
          api.metricClientError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: '4xx' }),
        ],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: Object.entries(props.functions).map(([name, fn]) =>
          fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: name }),
        ),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Failed notifications (queue depth)',
        left: [
          props.failureQueue.metricApproximateNumberOfMessagesVisible({
            period: fiveMinutes,
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'messages',
          }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Oldest open ticket (hours)',
        left: [oldestOpenTicketMetric()],
        leftAnnotations: [{ value: config.openTicketAlarmHours, label: 'alarm' }],
        width: 8,
      }),
    );
  }
}
