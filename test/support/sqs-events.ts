import type { SQSEvent } from "aws-lambda";
import { sqsRecordOf } from "../../infra/local/queue-poller.js";

/**
 * An SQS event of the month-close queue as the event source mapping delivers it (the local poller's
 * record builder), one record per body, with message ids `msg-0`, `msg-1`, … a test can name.
 */
export function closeQueueEvent(bodies: readonly string[]): SQSEvent {
  return {
    Records: bodies.map((body, i) =>
      sqsRecordOf(
        { MessageId: `msg-${i}`, ReceiptHandle: `rh-${i}`, Body: body },
        "arn:aws:sqs:eu-central-1:000000000000:koad-month-close",
      ),
    ),
  };
}
