import { Logger } from "@aws-lambda-powertools/logger";

/** The one logger. Never log tokens, request bodies or personal data: ids and codes only. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "koad" });
