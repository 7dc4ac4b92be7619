import type * as z from "zod/mini";
import { ValidationError } from "../../domain/errors.js";

type Issue = z.core.$ZodIssue;

/** A short English sentence for a zod issue: zod/mini ships no messages, and we want clear ones. */
function describe(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "is required"
        : `must be ${issue.expected === "int" ? "an integer" : `a ${issue.expected}`}`;
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? `must have at least ${String(issue.minimum)} ${issue.origin === "string" ? "characters" : "items"}`
        : `must be at least ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "string" || issue.origin === "array"
        ? `must have at most ${String(issue.maximum)} ${issue.origin === "string" ? "characters" : "items"}`
        : `must be at most ${String(issue.maximum)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? "has the wrong format" : `must be a valid ${issue.format}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return "matches none of the allowed forms";
    default:
      return issue.message && issue.message !== "Invalid input" ? issue.message : "is invalid";
  }
}

/** Parses `input` with `schema` or throws `validation_failed` naming each bad field. */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown, where = "body"): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = [where, ...issue.path.map(String)].join(".");
    details[field] ??= describe(issue);
  }
  throw new ValidationError(`Invalid ${where}`, details);
}
