import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Every finding of the AwsSolutions and Serverless packs that is not acknowledged, one line each. */
export function unacknowledgedNagFindings(app: IConstruct): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((violation) =>
        violation.violatingResources.map(
          (resource) => `${violation.severity} ${violation.ruleName} ${resource.constructPath}`,
        ),
      ),
  );
}
