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
}

export function readConfig(): Config {
  return {
    tableName: required("TABLE_NAME"),
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    region: process.env.AWS_REGION || undefined,
    billingTimezone: process.env.BILLING_TIMEZONE || "Europe/Berlin",
  };
}
