import { Stack } from 'aws-cdk-lib';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import { Construct } from 'constructs';
import type { AppConfig } from '../config.ts';

/** Must match build.ts `stageTagKey` (kept here as a literal to avoid an import cycle). */
const stageTagKey = 'incident-faq-stage';

export interface BudgetProps {
  config: AppConfig;
}

/**
 * An AWS Budgets cost budget on the stage's tagged monthly spend: mail at 80 % of actual spend
 * and at 100 % of the forecast, so sustained abuse (or a forgotten stage) is noticed within a
 * day instead of on the invoice. Budgets filter on cost-allocation tags, which must be
 * activated once per account (docs/deploy.md).
 */
export class Budget extends Construct {
  readonly budget: budgets.CfnBudget;

  constructor(scope: Construct, id: string, props: BudgetProps) {
    super(scope, id);
    const { config } = props;
    const subscribers = [{ subscriptionType: 'EMAIL', address: config.alarmEmail }];
    this.budget = new budgets.CfnBudget(this, 'MonthlySpend', {
      budget: {
        budgetName: `${Stack.of(this).stackName}-monthly-spend`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: config.monthlyBudgetUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:${stageTagKey}$${config.stage}`] },
      },
      notificationsWithSubscribers: [
        {
          notification: {
            notificationType: 'ACTUAL',
            comparisonOperator: 'GREATER_THAN',
            threshold: 80,
            thresholdType: 'PERCENTAGE',
          },
          subscribers,
        },
        {
          notification: {
            notificationType: 'FORECASTED',
            comparisonOperator: 'GREATER_THAN',
            threshold: 100,
            thresholdType: 'PERCENTAGE',
          },
          subscribers,
        },
      ],
    });
  }
}
