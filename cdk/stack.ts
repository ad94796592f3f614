import { Annotations, CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { metricNamespace } from '../functions/lib/definitions/metrics.ts';
import type { FunctionDefinition, RouteDefinition } from '../functions/lib/definitions/routes.ts';
import type { AppConfig } from './config.ts';
import { Api } from './constructs/api.ts';
import type { AppFunction } from './constructs/app-function.ts';
import { AppSecret } from './constructs/app-secret.ts';
import { Auth } from './constructs/auth.ts';
import { Budget } from './constructs/budget.ts';
import { DataTables } from './constructs/data.ts';
import { KnowledgeSeed } from './constructs/knowledge-seed.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Notifications } from './constructs/notifications.ts';
import { Schedules } from './constructs/schedules.ts';
import { Web } from './constructs/web.ts';
import type { PackedKnowledge } from './knowledge-snapshot.ts';
import { applyNagSuppressions, type NagAcknowledgement } from './nag-suppressions.ts';

export interface IncidentFaqStackProps extends StackProps {
  config: AppConfig;
  knowledge: PackedKnowledge;
  functionDefinitions: Readonly<Record<string, FunctionDefinition>>;
  routes: readonly RouteDefinition[];
  /** Static web assets to deploy; none when undefined. */
  webAssetsDir: string | undefined;
  /** ARN of the WAF web ACL (us-east-1) for the distribution; none when WAF is switched off. */
  webAclArn?: string;
}

/** The whole incident FAQ assistant in one stack, organised by concern. */
export class IncidentFaqStack extends Stack {
  readonly config: AppConfig;
  readonly data: DataTables;
  readonly auth: Auth;
  readonly api: Api;
  readonly notifications: Notifications;
  readonly appSecret: AppSecret;
  readonly knowledgeSeed: KnowledgeSeed;
  readonly schedules: Schedules;
  readonly web: Web;
  readonly monitoring: Monitoring;
  readonly budget: Budget;
  /** Every cdk-nag acknowledgement with its reason (see nag-suppressions.ts). */
  readonly nagAcknowledgements: NagAcknowledgement[];

  constructor(scope: Construct, id: string, props: IncidentFaqStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    // The web ACL (us-east-1) reaches this stack through a strong cross-region reference on
    // purpose: the WAF stack must not be deleted while the distribution still uses its ACL.
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/core:crossStackReferencesDefaultStrong',
      'strong references keep the web ACL alive while the distribution uses it',
    );

    this.data = new DataTables(this, 'Data');
    // The app client's callback URLs name the web URL, which exists only once the distribution
    // (whose CSP names the API, which needs the client) is built: resolved lazily at synth.
    this.auth = new Auth(this, 'Auth', {
      config,
      webUrl: Lazy.string({ produce: () => this.web.url }),
    });
    this.api = new Api(this, 'Api', {
      config,
      data: this.data,
      auth: this.auth,
      functionDefinitions: props.functionDefinitions,
      routes: props.routes,
      environment: {
        // Retention, contact and CORS reach the handlers through the published settings
        // (seeded from the deployment configuration, see knowledge-snapshot.ts).
        POWERTOOLS_METRICS_NAMESPACE: metricNamespace,
      },
    });
    this.web = new Web(this, 'Web', {
      config,
      apiUrl: this.api.url,
      apiDomainName: this.api.domainName,
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
      staffSignIn: {
        cognitoDomain: this.auth.domainUrl,
        clientId: this.auth.userPoolClient.userPoolClientId,
      },
      assetsDir: props.webAssetsDir,
    });
    this.notifications = new Notifications(this, 'Notifications', {
      config,
      functions: this.api.functions,
      functionDefinitions: props.functionDefinitions,
      ticketsTable: this.data.table('tickets'),
      inboxUrl: `${this.web.url}/inbox`,
      apiUrl: this.api.url,
    });
    this.appSecret = new AppSecret(this, 'AppSecret', {
      functions: this.api.functions,
      functionDefinitions: props.functionDefinitions,
    });
    this.schedules = new Schedules(this, 'Schedules', {
      functions: this.api.functions,
      functionDefinitions: props.functionDefinitions,
    });
    this.knowledgeSeed = new KnowledgeSeed(this, 'KnowledgeSeed', {
      knowledgeTable: this.data.table('knowledge'),
      knowledge: props.knowledge,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      functions: this.appFunctions,
      httpApi: this.api.httpApi,
      failureQueue: this.notifications.failureQueue,
      notifyEventSource: this.notifications.eventSource,
      mailEventsTopic: this.notifications.mailEventsTopic,
    });
    this.budget = new Budget(this, 'Budget', { config });

    new CfnOutput(this, 'ApiUrl', { description: 'Base URL of the HTTP API', value: this.api.url });
    new CfnOutput(this, 'WebUrl', {
      description: 'URL of the citizen widget and staff pages',
      value: this.web.url,
    });
    new CfnOutput(this, 'UserPoolId', {
      description: 'Cognito user pool of the staff',
      value: this.auth.userPool.userPoolId,
    });
    new CfnOutput(this, 'UserPoolClientId', {
      description: 'Cognito app client of the staff pages',
      value: this.auth.userPoolClient.userPoolClientId,
    });
    new CfnOutput(this, 'AuthDomainUrl', {
      description: 'Cognito hosted UI of the staff sign-in',
      value: this.auth.domainUrl,
    });
    new CfnOutput(this, 'DashboardName', {
      description: 'CloudWatch dashboard',
      value: this.monitoring.dashboard.dashboardName,
    });

    this.nagAcknowledgements = applyNagSuppressions(this);
  }

  /** Every function built from project code: one per function definition, plus the seed. */
  get appFunctions(): Record<string, AppFunction> {
    return { ...this.api.functions, 'seed-knowledge': this.knowledgeSeed.seedFunction };
  }
}
