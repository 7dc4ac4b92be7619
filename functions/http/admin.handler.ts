import { startMonthClose } from "../../domain/use-cases/month-close.js";
import { monthCloseSchema } from "../schemas/month-close.schema.js";
import { sqsCloseJobQueue } from "../shared/close-job-queue.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";

const closeJobs = sqsCloseJobQueue();

export const handler = httpHandler("admin", {
  "POST /admin/month-close": async (request, deps) => {
    const { month } = parseWith(monthCloseSchema, request.body);
    const started = await startMonthClose(deps, actorOf(request), month, closeJobs);
    return { statusCode: 202, body: { month: started.month, enqueuedJobs: started.enqueuedJobs } };
  },
});
