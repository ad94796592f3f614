import { CustomResource, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { PackedKnowledge } from '../knowledge-snapshot.ts';
import { AppFunction } from './app-function.ts';

export interface KnowledgeSeedProps {
  knowledgeTable: dynamodb.ITable;
  knowledge: PackedKnowledge;
}

/**
 * Imports the default knowledge base (`knowledge/`, validated at synth time) on every deployment
 * that changes it, unless staff have published their own version since.
 */
export class KnowledgeSeed extends Construct {
  readonly seedFunction: AppFunction;
  readonly provider: cr.Provider;
  readonly frameworkFunction: lambda.Function;
  readonly resource: CustomResource;
  /** The snapshot bundled into the seed function (entries, published settings, eval cases). */
  readonly knowledge: PackedKnowledge;

  constructor(scope: Construct, id: string, props: KnowledgeSeedProps) {
    super(scope, id);
    this.knowledge = props.knowledge;
    this.seedFunction = new AppFunction(this, 'SeedFunction', {
      definition: {
        entry: 'functions/seed-knowledge/handler.ts',
        description: 'Imports the default knowledge base at deploy time (never over staff edits)',
        memoryMb: 512,
        timeoutSeconds: 300,
      },
      define: {
        key: props.knowledge.sha256,
        values: () => ({ __KNOWLEDGE_SNAPSHOT__: props.knowledge.define }),
      },
    });
    this.seedFunction.bindTable(props.knowledgeTable, 'knowledge', 'readWrite', 'seed-knowledge');

    // The provider framework gets the same treatment as our functions: a log group with
    // retention and a role that may write only there (instead of a managed policy).
    const frameworkLogs = new logs.LogGroup(this, 'ProviderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const frameworkRole = new iam.Role(this, 'ProviderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Custom resource provider framework of the knowledge seed',
    });
    frameworkLogs.grantWrite(frameworkRole);
    this.provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.seedFunction,
      logGroup: frameworkLogs,
      frameworkOnEventRole: frameworkRole,
    });
    this.frameworkFunction = this.provider.node.findChild('framework-onEvent') as lambda.Function;
    (this.frameworkFunction.node.defaultChild as lambda.CfnFunction).memorySize = 256;

    this.resource = new CustomResource(this, 'Seed', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::KnowledgeSeed',
      properties: {
        // A new hash (changed entries or settings) makes CloudFormation run the seed again.
        SnapshotSha256: props.knowledge.sha256,
        EntryCount: props.knowledge.entryCount,
        EvalCaseCount: props.knowledge.evalCaseCount,
      },
    });
  }
}
