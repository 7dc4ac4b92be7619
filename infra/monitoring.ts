import { Duration } from "aws-cdk-lib";
import type * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export interface MonitoringProps {
  alertTopic: sns.ITopic;
  api: apigwv2.HttpApi;
  table: dynamodb.ITable;
  /** Functions by a readable name (`http-bookings`, `job-closeWorker`). */
  functions: Record<string, lambda.IFunction>;
  /** Work queues by name, for the dashboard's depth and age graphs. */
  queues: Record<string, sqs.IQueue>;
  /** Dead-letter queues by name: any message in one is an alarm. */
  deadLetterQueues: Record<string, sqs.IQueue>;
}

const PERIOD = Duration.minutes(5);

/**
 * The alarms that page (through the alert topic) and the one dashboard an operator opens first. Every
 * alarm fires on the first occurrence: a message in a dead-letter queue, a function error or throttle,
 * an API 5xx (bad input never yields a 5xx, so any 5xx is a defect).
 */
export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const action = new actions.SnsAction(props.alertTopic);
    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}DeadLetters`,
        `Messages are waiting in the ${name} dead-letter queue: work failed after every retry.`,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: "Maximum" }),
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `${name}Errors`,
        `Function ${name} failed.`,
        fn.metricErrors({ period: PERIOD, statistic: "Sum" }),
      );
      alarm(
        `${name}Throttles`,
        `Function ${name} was throttled.`,
        fn.metricThrottles({ period: PERIOD, statistic: "Sum" }),
      );
    }
    alarm(
      "Api5xx",
      "The HTTP API answered with a 5xx.",
      props.api.metricServerError({ period: PERIOD, statistic: "Sum" }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      defaultInterval: Duration.hours(24),
    });
    const functions = Object.entries(props.functions);
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "API requests and errors",
        width: 12,
        left: [props.api.metricCount({ period: PERIOD, statistic: "Sum" })],
        right: [
          props.api.metricClientError({ period: PERIOD, statistic: "Sum" }),
          props.api.metricServerError({ period: PERIOD, statistic: "Sum" }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: "API latency (p50, p99)",
        width: 12,
        left: [
          props.api.metricLatency({ period: PERIOD, statistic: "p50" }),
          props.api.metricLatency({ period: PERIOD, statistic: "p99" }),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Function errors",
        width: 8,
        left: functions.map(([name, fn]) => fn.metricErrors({ period: PERIOD, label: name })),
      }),
      new cloudwatch.GraphWidget({
        title: "Function duration p99",
        width: 8,
        left: functions.map(([name, fn]) =>
          fn.metricDuration({ period: PERIOD, statistic: "p99", label: name }),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: "Function throttles",
        width: 8,
        left: functions.map(([name, fn]) => fn.metricThrottles({ period: PERIOD, label: name })),
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Queue depth and oldest message age",
        width: 12,
        left: Object.entries(props.queues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, label: name }),
        ),
        right: Object.entries(props.queues).map(([name, queue]) =>
          queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, label: `${name} age` }),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: "Dead-letter queues",
        width: 12,
        left: Object.entries(props.deadLetterQueues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({
            period: PERIOD,
            statistic: "Maximum",
            label: name,
          }),
        ),
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Table capacity used",
        width: 12,
        left: [
          props.table.metricConsumedReadCapacityUnits({ period: PERIOD }),
          props.table.metricConsumedWriteCapacityUnits({ period: PERIOD }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: "Table conflicts and throttles",
        width: 12,
        left: [
          props.table.metric("TransactionConflict", { period: PERIOD, statistic: "Sum" }),
          props.table.metric("ConditionalCheckFailedRequests", { period: PERIOD, statistic: "Sum" }),
          props.table.metric("ThrottledRequests", { period: PERIOD, statistic: "Sum" }),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: "Alarms", width: 24, alarms: this.alarms }),
    );
  }
}
