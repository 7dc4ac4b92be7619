import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * What a DynamoDB client sent, as SDK middleware sees it: commands by name (one `send`, whatever the
 * SDK retries), HTTP attempts (retries included), items read (what a read request examined) and the
 * time spent in `send`.
 */
export interface DynamoMeter {
  /** Commands sent, by name (`TransactWriteItemsCommand`, `QueryCommand`, ...). */
  readonly commands: Map<string, number>;
  requests(): number;
  /** HTTP attempts, SDK retries included. */
  attempts(): number;
  /** Items a read examined: Query/Scan `ScannedCount`, Get 0 or 1, BatchGet/TransactGet responses. */
  itemsRead(): number;
  /** Milliseconds spent in the last command's `send`. */
  lastCommandMs(): number;
  reset(): void;
}

interface ReadOutput {
  ScannedCount?: number;
  Count?: number;
  Item?: unknown;
  Responses?: Record<string, unknown[]> | unknown[];
}

function itemsIn(commandName: string, output: ReadOutput | undefined): number {
  if (!output) return 0;
  if (commandName.startsWith("Query") || commandName.startsWith("Scan"))
    return output.ScannedCount ?? output.Count ?? 0;
  if (commandName.startsWith("GetItem") || commandName === "GetCommand") return output.Item ? 1 : 0;
  if (Array.isArray(output.Responses)) return output.Responses.length;
  if (output.Responses) return Object.values(output.Responses).reduce((n, items) => n + items.length, 0);
  return 0;
}

/** Adds the meter's middleware to a client (document or plain: both share the middleware stack). */
export function meterDynamo(client: DynamoDBDocumentClient | DynamoDBClient): DynamoMeter {
  const commands = new Map<string, number>();
  let attempts = 0;
  let itemsRead = 0;
  let lastMs = 0;
  const stack = (client as DynamoDBClient).middlewareStack;
  stack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      commands.set(name, (commands.get(name) ?? 0) + 1);
      const start = process.hrtime.bigint();
      try {
        const result = await next(args);
        itemsRead += itemsIn(name, result.output as ReadOutput);
        return result;
      } finally {
        lastMs = Number(process.hrtime.bigint() - start) / 1e6;
      }
    },
    { step: "initialize", name: "benchMeterCommands", priority: "high" },
  );
  // The deserialize step runs once per HTTP attempt, inside the retry middleware.
  stack.add(
    (next) => async (args) => {
      attempts++;
      return next(args);
    },
    { step: "deserialize", name: "benchMeterAttempts" },
  );
  return {
    commands,
    requests: () => [...commands.values()].reduce((a, b) => a + b, 0),
    attempts: () => attempts,
    itemsRead: () => itemsRead,
    lastCommandMs: () => lastMs,
    reset() {
      commands.clear();
      attempts = 0;
      itemsRead = 0;
    },
  };
}

/** Transactional writes among the counted commands, whatever the client flavour named them. */
export function transactWrites(meter: DynamoMeter): number {
  return (
    (meter.commands.get("TransactWriteItemsCommand") ?? 0) + (meter.commands.get("TransactWriteCommand") ?? 0)
  );
}
