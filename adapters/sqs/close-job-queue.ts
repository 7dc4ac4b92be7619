import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { CloseJob, CloseJobQueue } from "../../domain/ports.js";

/** SQS takes at most 10 messages per SendMessageBatch. */
const BATCH = 10;
/** Batches in flight at once. */
const CONCURRENCY = 8;
/** Attempts for entries SQS reports as failed (throttling and the like), on top of the SDK's own retries. */
const ENTRY_ATTEMPTS = 5;

/** The month close queue as the domain's `CloseJobQueue`: batched, concurrent, failed entries retried. */
export function sqsCloseJobQueue(sqs: SQSClient, queueUrl: string): CloseJobQueue {
  const sendBatch = async (jobs: CloseJob[]): Promise<void> => {
    let entries: SendMessageBatchRequestEntry[] = jobs.map((job, i) => ({
      Id: String(i),
      MessageBody: JSON.stringify({ contractId: job.contractId, month: job.month }),
    }));
    for (let attempt = 1; entries.length > 0; attempt++) {
      const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const failed = new Set((result.Failed ?? []).map((f) => f.Id));
      entries = entries.filter((entry) => failed.has(entry.Id));
      if (entries.length > 0 && attempt >= ENTRY_ATTEMPTS) {
        throw new Error(`SQS refused ${entries.length} close jobs after ${attempt} attempts`);
      }
      if (entries.length > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  };
  return {
    async enqueue(jobs: CloseJob[]): Promise<void> {
      const batches: CloseJob[][] = [];
      for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          if (batch) await sendBatch(batch);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batches.length) }, worker));
    },
  };
}
