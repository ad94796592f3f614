import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionEnvironment } from '../../functions/lib/definitions/environment.ts';
import {
  type Access,
  corsPolicy,
  type FunctionDefinition,
  type RouteDefinition,
  routeGroups,
  routeKey,
} from '../../functions/lib/definitions/routes.ts';
import type { TableName } from '../../functions/lib/definitions/tables.ts';
import type { AppConfig } from '../config.ts';
import { AppFunction } from './app-function.ts';
import type { Auth } from './auth.ts';
import { staffGroups } from './auth.ts';
import type { DataTables } from './data.ts';
import { pascalCase } from './naming.ts';

/** Stage-wide throttling; routes may set stricter limits in their definition. */
export const defaultThrottle = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * Access log line: request metadata only. Deliberately no `$context.identity.*` (IP address,
 * user agent), no path or query string: citizens stay anonymous in the logs.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
} as const;

export interface ApiProps {
  config: AppConfig;
  data: DataTables;
  auth: Auth;
  functionDefinitions: Readonly<Record<string, FunctionDefinition>>;
  routes: readonly RouteDefinition[];
  /** Environment shared by every function (table variables are added per function). */
  environment: FunctionEnvironment;
}

export interface ApiRoute {
  definition: RouteDefinition;
  route: apigwv2.HttpRoute;
}

/**
 * The HTTP API: one function per function definition, one route per route definition, a JWT
 * authorizer (Cognito) on staff routes, CORS for the configured origins, throttling and
 * privacy-preserving access logs.
 */
export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: Record<string, AppFunction> = {};
  readonly routes: ApiRoute[] = [];
  readonly accessLogGroup: logs.LogGroup;
  /** The base URL clients call (custom domain when configured). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config } = props;

    for (const [name, definition] of Object.entries(props.functionDefinitions)) {
      const fn = new AppFunction(this, `${pascalCase(name)}Function`, {
        definition,
        environment: props.environment,
      });
      for (const [table, access] of Object.entries(definition.tables) as [TableName, Access | undefined][]) {
        if (access) fn.bindTable(props.data.table(table), table, access);
      }
      this.functions[name] = fn;
    }

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Incident FAQ assistant: citizen questions and staff tools',
      createDefaultStage: false,
      disableExecuteApiEndpoint: config.apiDomain !== undefined,
      corsPreflight: {
        allowOrigins: config.allowedOrigins,
        allowMethods: corsPolicy.allowMethods.map((method) => apigwv2.CorsHttpMethod[method]),
        allowHeaders: [...corsPolicy.allowHeaders],
        maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
        allowCredentials: false,
      },
    });

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: defaultThrottle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        format: apigateway.AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    const needsAuthorizer = props.routes.some((route) => route.group !== undefined);
    const authorizer = needsAuthorizer
      ? new HttpJwtAuthorizer(
          'StaffAuthorizer',
          `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${props.auth.userPool.userPoolId}`,
          {
            jwtAudience: [props.auth.userPoolClient.userPoolClientId],
            identitySource: ['$request.header.Authorization'],
          },
        )
      : undefined;

    const integrations = new Map<string, HttpLambdaIntegration>();
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const seen = new Set<string>();
    for (const definition of props.routes) {
      const key = routeKey(definition);
      if (seen.has(key)) throw new Error(`Route "${key}" is defined twice`);
      seen.add(key);
      const fn = this.functions[definition.function];
      if (!fn) throw new Error(`Route "${key}" names unknown function "${definition.function}"`);
      for (const group of routeGroups(definition)) {
        if (!(group in staffGroups)) throw new Error(`Route "${key}" names unknown group "${group}"`);
      }
      let integration = integrations.get(definition.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascalCase(definition.function)}Integration`, fn, {
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(definition.function, integration);
      }
      const route = new apigwv2.HttpRoute(this, `Route${definition.method}${pascalCase(definition.path)}`, {
        httpApi: this.httpApi,
        routeKey: apigwv2.HttpRouteKey.with(definition.path, apigwv2.HttpMethod[definition.method]),
        integration,
        ...(definition.group !== undefined && authorizer ? { authorizer } : {}),
      });
      this.routes.push({ definition, route });
      if (definition.throttle) {
        routeSettings[key] = {
          ThrottlingRateLimit: definition.throttle.rateLimit,
          ThrottlingBurstLimit: definition.throttle.burstLimit,
        };
        // Route settings may only name routes that already exist.
        this.stage.node.addDependency(route);
      }
    }
    if (Object.keys(routeSettings).length > 0) {
      (this.stage.node.defaultChild as apigwv2.CfnStage).routeSettings = routeSettings;
    }

    if (config.apiDomain) {
      const domainName = new apigwv2.DomainName(this, 'DomainName', {
        domainName: config.apiDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', config.apiDomain.certificateArn),
        securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
      });
      new apigwv2.ApiMapping(this, 'ApiMapping', { api: this.httpApi, domainName, stage: this.stage });
      new CfnOutput(this, 'ApiDomainTarget', {
        description: 'Point a CNAME/alias of the API domain name at this regional domain name',
        value: domainName.regionalDomainName,
      });
      this.url = `https://${config.apiDomain.domainName}`;
    } else {
      this.url = this.httpApi.apiEndpoint;
    }
  }

  /** Routes without a staff group: open to citizens, no authorizer. */
  get publicRoutes(): ApiRoute[] {
    return this.routes.filter((route) => route.definition.group === undefined);
  }
}
