import { IdempotencyStore } from "../../domain/store/idempotency-store.js";
import { MonthCloseStore } from "../../domain/store/month-close-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { startMonthClose } from "../../domain/use-cases/month-close.js";
import { monthCloseSchema } from "../schemas/month-close.schema.js";
import { sqsCloseJobQueue } from "../shared/close-job-queue.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";

const closeJobs = sqsCloseJobQueue();

/** The active contracts a close starts from, and the records of retried requests. */
const deps = storeDeps((table) =>
  storeOf(new MonthCloseStore(table), { idempotency: new IdempotencyStore(table) }),
);

export const handler = httpHandler("admin", deps, {
  "POST /admin/month-close": async (request, deps) => {
    const { month } = parseWith(monthCloseSchema, request.body);
    const started = await startMonthClose(deps, actorOf(request), month, closeJobs);
    return { statusCode: 202, body: { month: started.month, enqueuedJobs: started.enqueuedJobs } };
  },
});
