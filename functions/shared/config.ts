/**
 * Configuration, read once at cold start; a missing setting fails the init, not a request.
 * Locally, infra/local sets the same variables the CDK stack sets on each function.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export interface Config {
  tableName: string;
  /** DynamoDB Local's endpoint when running locally; unset on Lambda. */
  dynamoEndpoint: string | undefined;
  region: string | undefined;
  billingTimezone: string;
  /** The local SQS server's endpoint; unset on Lambda. */
  sqsEndpoint: string | undefined;
  /** Queue URLs, set on the functions that send to them. */
  monthCloseQueueUrl: string | undefined;
  ticketQueueUrl: string | undefined;
  /** The SNS alert topic; unset locally, where alerts are stored and logged only. */
  alertTopicArn: string | undefined;
}

export function readConfig(): Config {
  return {
    tableName: required("TABLE_NAME"),
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    region: process.env.AWS_REGION || undefined,
    billingTimezone: process.env.BILLING_TIMEZONE || "Europe/Berlin",
    sqsEndpoint: process.env.SQS_ENDPOINT || undefined,
    monthCloseQueueUrl: process.env.MONTH_CLOSE_QUEUE_URL || undefined,
    ticketQueueUrl: process.env.TICKET_QUEUE_URL || undefined,
    alertTopicArn: process.env.ALERT_TOPIC_ARN || undefined,
  };
}
