import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../../functions/lib/definitions/routes.ts';
import type { AppFunction } from './app-function.ts';
import { pascalCase } from './naming.ts';

export interface SchedulesProps {
  functions: Readonly<Record<string, AppFunction>>;
  functionDefinitions: Readonly<Record<string, FunctionDefinition>>;
}

export interface ScheduledFunction {
  name: string;
  fn: AppFunction;
  rule: events.Rule;
}

/**
 * One EventBridge rule per function definition with a `schedule` (e.g. `ticket-age` every 15
 * minutes), invoking the function asynchronously. A missed run is simply superseded by the next.
 */
export class Schedules extends Construct {
  readonly scheduled: ScheduledFunction[] = [];

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const [name, definition] of Object.entries(props.functionDefinitions)) {
      const fn = props.functions[name];
      if (!fn || !definition.schedule) continue;
      const minutes = definition.schedule.everyMinutes;
      const rule = new events.Rule(this, `${pascalCase(name)}Schedule`, {
        description: `Runs ${name} every ${minutes} minutes`,
        schedule: events.Schedule.rate(Duration.minutes(minutes)),
      });
      rule.addTarget(
        new LambdaFunction(fn, {
          // A run older than the interval is stale: the next one measures afresh.
          maxEventAge: Duration.minutes(Math.max(1, minutes - 1)),
          retryAttempts: 2,
        }),
      );
      this.scheduled.push({ name, fn, rule });
    }
  }

  /** True when the function is one of the scheduled ones. */
  isScheduled(fn: AppFunction): boolean {
    return this.scheduled.some((entry) => entry.fn === fn);
  }
}
