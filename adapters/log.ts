import type { Logger } from "@aws-lambda-powertools/logger";

/**
 * What an adapter reports when it leaves something undone that it may leave undone (a message the
 * sweep will send again, an alert only logged locally): the functions' Powertools logger.
 */
export type AdapterLog = Pick<Logger, "info" | "warn">;
