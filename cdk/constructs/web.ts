import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy, securityHeaders } from '../../functions/lib/definitions/web.ts';
import type { AppConfig } from '../config.ts';
import { repoRoot } from '../paths.ts';

/** Access logs (CloudFront logs hold IP addresses) are deleted after this many days. */
export const accessLogRetentionDays = 30;

/**
 * The built web assets (`npm run build:web` -> `dist/web`) if present, else the static pages of
 * `web/` (`web/public`: the pages without the widget bundle; `web/` itself holds TypeScript
 * sources that are never served); undefined when neither has files (no deployment then).
 */
/** The path pattern CloudFront forwards to the API (every route of routes.ts is under it). */
export const apiPathPattern = '/v1/*';

/** Every file below `dir` as a URL path: the invalidation names exactly what a deploy replaces. */
export function assetPaths(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? assetPaths(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

export function defaultWebAssetsDir(): string | undefined {
  return [path.join(repoRoot, 'dist', 'web'), path.join(repoRoot, 'web', 'public')].find(hasFiles);
}

/**
 * Extensionless paths are pages: `/inbox` serves `inbox.html` and `/` or `/dir/` serves
 * `index.html`, as the local server does (functions/local/static.ts).
 */
const rewritePagePaths = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '.html';
  }
  return request;
}`;

function hasFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** Runtime configuration of the staff pages, read by web/shared/staff-auth.ts. */
export const staffConfigKey = 'staff-config.json';

export interface StaffSignIn {
  /** `https://<prefix>.auth.<region>.amazoncognito.com` (hosted UI and token endpoint). */
  cognitoDomain: string;
  /** The public app client of the staff pages. */
  clientId: string;
}

export interface WebProps {
  config: AppConfig;
  /** The API base URL the pages may connect to (Content-Security-Policy `connect-src`). */
  apiUrl: string;
  /** Host name of the API: CloudFront forwards `/v1/*` there, so the pages call their own origin. */
  apiDomainName: string;
  /** WAF web ACL (us-east-1) of the distribution; none when the stage switches WAF off. */
  webAclArn?: string;
  /** Cognito hosted UI of the staff pages: in `staff-config.json` and in `connect-src`. */
  staffSignIn: StaffSignIn;
  /** Folder with the static assets; no deployment when undefined or empty. */
  assetsDir: string | undefined;
}

/**
 * The citizen widget and staff pages: a private, versioned bucket behind CloudFront (origin
 * access control), strict security headers, HTTPS only, access logs to a log bucket.
 */
export class Web extends Construct {
  readonly logBucket: s3.Bucket;
  readonly siteBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deployment?: s3deploy.BucketDeployment;
  /** Writes `staff-config.json` (deploy-time values: API URL, hosted UI domain, client id). */
  readonly staffConfigDeployment?: s3deploy.BucketDeployment;
  /** Role of the (CDK-owned) deployment handler; writes only to its own log group. */
  readonly deploymentRole?: iam.Role;
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { config } = props;

    this.logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(accessLogRetentionDays) }],
    });

    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
    });

    // The pages call the API, and the staff pages the token endpoint of the Cognito hosted UI.
    const connectOrigins = [props.apiUrl, props.staffSignIn.cognitoDomain];
    const headers = securityHeaders(connectOrigins);

    // Global names (per account, all regions): stage and region in each, so stages and regions
    // can share an account.
    const globalName = (suffix: string) => `${Stack.of(this).stackName}-${Stack.of(this).region}-${suffix}`;
    const responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: globalName('security-headers'),
      comment: 'Incident FAQ assistant: strict security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(connectOrigins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: headers['permissions-policy'] ?? 'camera=(), microphone=(), geolocation=()',
            override: true,
          },
        ],
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Incident FAQ assistant',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket, {
          originAccessControl: new cloudfront.S3OriginAccessControl(this, 'SiteAccess', {
            originAccessControlName: globalName('site-oac'),
            description: 'CloudFront reads the site bucket',
          }),
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
        compress: true,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'PagePaths', {
              functionName: globalName('page-paths'),
              comment: 'Serves /page as page.html and /dir/ as dir/index.html',
              code: cloudfront.FunctionCode.fromInline(rewritePagePaths),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      // One front door: the pages and the API on the same origin, so the widget's data-api=""
      // and the staff pages work without CORS. The API is never cached and gets every method
      // and every viewer header except Host (API Gateway routes on its own host name).
      additionalBehaviors: {
        [apiPathPattern]: {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
          compress: true,
        },
      },
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(config.webDomain
        ? {
            // Only effective with a custom certificate (the default one is fixed by CloudFront).
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [config.webDomain.domainName],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              config.webDomain.certificateArn,
            ),
          }
        : {}),
    });

    this.url = `https://${config.webDomain?.domainName ?? this.distribution.distributionDomainName}`;

    if (props.assetsDir && hasFiles(props.assetsDir)) {
      const deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      this.deploymentRole = new iam.Role(this, 'DeploymentRole', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: 'Copies the web assets into the site bucket',
      });
      deploymentLogs.grantWrite(this.deploymentRole);
      this.deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
        sources: [s3deploy.Source.asset(props.assetsDir)],
        destinationBucket: this.siteBucket,
        // Written by the deployment below: excluded, so pruning keeps it.
        exclude: [staffConfigKey],
        distribution: this.distribution,
        // Exactly the deployed files (the page-path function maps `/inbox` to `/inbox.html`
        // before the cache, so file paths cover every cached URL); never the API under /v1/.
        distributionPaths: assetPaths(props.assetsDir),
        memoryLimit: 256,
        logGroup: deploymentLogs,
        role: this.deploymentRole,
      });
      // Known only at deploy time, so written by the deployment handler (same handler and role).
      this.staffConfigDeployment = new s3deploy.BucketDeployment(this, 'StaffConfig', {
        sources: [
          s3deploy.Source.jsonData(staffConfigKey, {
            // Same origin: CloudFront forwards /v1/* to the API (no CORS entry needed).
            api: '',
            auth: 'cognito',
            cognitoDomain: props.staffSignIn.cognitoDomain,
            clientId: props.staffSignIn.clientId,
          }),
        ],
        destinationBucket: this.siteBucket,
        prune: false,
        cacheControl: [s3deploy.CacheControl.noCache()],
        distribution: this.distribution,
        distributionPaths: [`/${staffConfigKey}`],
        memoryLimit: 256,
        logGroup: deploymentLogs,
        role: this.deploymentRole,
      });
    }
  }
}
