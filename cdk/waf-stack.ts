import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../functions/lib/definitions/routes.ts';
import type { AppConfig } from './config.ts';

/** WAF for CloudFront must live in us-east-1, whatever the stack's region. */
export const wafRegion = 'us-east-1';

export type RouteClass = keyof AppConfig['waf']['rateLimits'];

/**
 * Which requests each per-IP rate rule counts, derived from the route definitions: one rule per
 * route class, so one machine hammering `/v1/ask` cannot use up the escalation or staff budget
 * of the same address, and a flood of forwarded questions is cut much earlier than questions.
 * A rule matches path prefixes `/v1/<first segment>`; a prefix in two classes fails the synth.
 */
export function rateRuleClasses(routes: readonly RouteDefinition[]): { name: RouteClass; paths: string[] }[] {
  const classOf = (route: RouteDefinition): RouteClass =>
    route.function === 'escalations' ? 'escalations' : route.group !== undefined ? 'staff' : 'ask';
  const owner = new Map<string, RouteClass>();
  for (const route of routes) {
    const prefix = route.path.split('/').slice(0, 3).join('/');
    const routeClass = classOf(route);
    const previous = owner.get(prefix);
    if (previous && previous !== routeClass) {
      throw new Error(`Path prefix ${prefix} serves two WAF route classes (${previous}, ${routeClass})`);
    }
    owner.set(prefix, routeClass);
  }
  const classes: RouteClass[] = ['ask', 'escalations', 'staff'];
  return classes
    .map((name) => ({
      name,
      paths: [...owner]
        .filter(([, routeClass]) => routeClass === name)
        .map(([prefix]) => prefix)
        .sort(),
    }))
    .filter((ruleClass) => ruleClass.paths.length > 0);
}

export interface WebAclStackProps extends StackProps {
  config: AppConfig;
  routes: readonly RouteDefinition[];
}

/**
 * The web ACL of the CloudFront distribution: a per-IP rate-based rule per route class and the
 * AWS managed common rule set. Its ARN reaches the main stack through CDK's cross-region
 * references (SSM parameters written here, read there).
 */
export class WebAclStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    const { config } = props;
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: false, // samples would hold IP addresses and paths: not needed
    });
    const startsWith = (prefix: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const rateRules: wafv2.CfnWebACL.RuleProperty[] = rateRuleClasses(props.routes).map(
      (ruleClass, index) => ({
        name: `rate-${ruleClass.name}`,
        priority: index + 1,
        action: { block: { customResponse: { responseCode: 429 } } },
        statement: {
          rateBasedStatement: {
            aggregateKeyType: 'IP',
            limit: config.waf.rateLimits[ruleClass.name],
            evaluationWindowSec: 300,
            scopeDownStatement:
              ruleClass.paths.length === 1
                ? startsWith(ruleClass.paths[0] ?? '/')
                : { orStatement: { statements: ruleClass.paths.map(startsWith) } },
          },
        },
        visibilityConfig: visibility(`${this.stackName}-rate-${ruleClass.name}`),
      }),
    );
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${this.stackName}-web-acl`,
      description: `Incident FAQ assistant stage ${config.stage} - per-IP rate limits and the common rule set`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${this.stackName}-web-acl`),
      rules: [
        ...rateRules,
        {
          name: 'aws-common-rule-set',
          priority: rateRules.length + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
          },
          visibilityConfig: visibility(`${this.stackName}-common-rule-set`),
        },
      ],
    });
  }
}
