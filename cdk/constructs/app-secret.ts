import { RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../../functions/lib/definitions/routes.ts';
import type { AppFunction } from './app-function.ts';

export interface AppSecretProps {
  functions: Readonly<Record<string, AppFunction>>;
  functionDefinitions: Readonly<Record<string, FunctionDefinition>>;
}

/**
 * The master key (functions/lib/adapters/secrets.ts): ticket access codes, vote tokens,
 * confirmation links and proof-of-work challenges are keyed with values derived from it, so
 * none of them is stored in a table. Only functions whose definition says `usesAppSecret` may
 * read it (`APP_SECRET_ARN`). Retained on stack deletion: without it, no citizen could open a
 * ticket that is still kept.
 */
export class AppSecret extends Construct {
  readonly secret: secretsmanager.Secret;
  readonly readers: AppFunction[] = [];

  constructor(scope: Construct, id: string, props: AppSecretProps) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'MasterKey', {
      description: 'Master key of the incident FAQ assistant (derived keys only; never stored in tables)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [name, definition] of Object.entries(props.functionDefinitions)) {
      const fn = props.functions[name];
      if (!fn || !definition.usesAppSecret) continue;
      this.secret.grantRead(fn);
      fn.addEnvironment('APP_SECRET_ARN', this.secret.secretArn);
      this.readers.push(fn);
    }
  }
}
