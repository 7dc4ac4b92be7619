import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { ValidationError } from "../../domain/errors.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { invoiceAfterClose } from "../../domain/use-cases/invoices.js";
import { closeContractMonth } from "../../domain/use-cases/month-close.js";
import { closeJobSchema } from "../schemas/month-close.schema.js";
import { logger } from "../shared/logger.js";
import { parseWith } from "../shared/validation.js";

export type MonthCloseWorkerPorts = UseCaseDeps<
  StoreOf<"monthClose" | "contracts" | "customers" | "invoices">
>;

function parseJob(record: SQSRecord) {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new ValidationError("Close job is not JSON", { body: "not valid JSON" });
  }
  return parseWith(closeJobSchema, body, "job");
}

/**
 * Closes one contract through one month. A record that throws (malformed, unknown contract, a month
 * not ended, DynamoDB still throttling after the SDK's retries) fails alone: SQS redelivers it, and
 * after `maxReceiveCount` receives moves it to the dead-letter queue.
 */
async function closeRecord(ports: MonthCloseWorkerPorts, record: SQSRecord): Promise<void> {
  const job = parseJob(record);
  try {
    const outcome = await closeContractMonth(ports, job);
    logger.info("Contract month close done", {
      contractId: job.contractId,
      month: job.month,
      closedMonths: outcome.closedMonths,
      expiredMinutes: outcome.expiredMinutes,
    });
    // After the close (a record that fails here is redelivered: the close finds itself done and the
    // invoice step runs again; it issues a customer-month once).
    const invoices = await invoiceAfterClose(ports, job.contractId, [...outcome.closedMonths, job.month]);
    logger.info("Invoice step done", { contractId: job.contractId, invoices });
  } catch (error) {
    logger.warn("Contract month close failed", {
      contractId: job.contractId,
      month: job.month,
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      error: error as Error,
    });
    throw error;
  }
}

/** Queue `monthClose` consumer: a batch of close jobs, closed in parallel, failures reported per record. */
export function monthCloseWorker(ports: MonthCloseWorkerPorts) {
  const processor = new BatchProcessor(EventType.SQS);
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      const response = await processPartialResponse(
        event,
        (record: SQSRecord) => closeRecord(ports, record),
        processor,
        {
          context,
          throwOnFullBatchFailure: false,
        },
      );
      if (response.batchItemFailures.length > 0) {
        logger.warn("Close jobs failed", {
          failed: response.batchItemFailures.length,
          of: event.Records.length,
        });
      }
      return response;
    });
}
