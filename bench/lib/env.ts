/**
 * The environment a function gets on Lambda, with local values: module-scope configuration reads it
 * at import, so it is in place before any handler module is loaded (in this process or a child).
 */
export function functionEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    TABLE_NAME: "koad-bench",
    BILLING_TIMEZONE: "Europe/Berlin",
    AWS_REGION: "eu-central-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    POWERTOOLS_SERVICE_NAME: "koad",
    POWERTOOLS_LOG_LEVEL: "SILENT",
    // Functions that send to a queue read its URL at cold start; none is called during an import.
    SQS_ENDPOINT: "http://127.0.0.1:9",
    MONTH_CLOSE_QUEUE_URL: "http://127.0.0.1:9/000000000000/koad-month-close",
    TICKET_QUEUE_URL: "http://127.0.0.1:9/000000000000/koad-tickets",
    ...extra,
  };
}

export function applyEnvironment(values: Record<string, string>): void {
  Object.assign(process.env, values);
}
