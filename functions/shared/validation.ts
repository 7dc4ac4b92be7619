import type * as z from "zod/mini";
import { ValidationError } from "../../domain/errors.js";

type Issue = z.core.$ZodIssue;

/** A short English sentence for a zod issue: zod/mini ships no messages, and we want clear ones. */
function describe(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      if (issue.message && issue.message !== "Invalid input") return issue.message;
      return `must be ${issue.expected === "int" ? "an integer" : `a ${issue.expected}`}`;
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
  // The input is reported so a field that is there but wrong ("50") is not called missing.
  const parsed = schema.safeParse(input, { reportInput: true, error: integerTypeMessage });
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  // zod's own safe-integer range comes before the field's bound: name the field's bound (1e308 is
  // "must be at most 1440", not "at most 9007199254740991").
  const issues = [...parsed.error.issues].sort(
    (a, b) => Number(isSafeIntegerRange(a)) - Number(isSafeIntegerRange(b)),
  );
  for (const issue of issues) {
    const field = [where, ...issue.path.map(String)].join(".");
    details[field] ??= describe(issue);
  }
  throw new ValidationError(`Invalid ${where}`, details);
}

function isSafeIntegerRange(issue: Issue): boolean {
  return (issue.code === "too_big" || issue.code === "too_small") && issue.origin === "int";
}

/** zod/mini calls a non-number where an integer is needed "expected number"; say "an integer". */
function integerTypeMessage(issue: { code?: string; inst?: unknown }): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  const def = (issue.inst as { _zod?: { def?: { format?: string } } } | undefined)?._zod?.def;
  return def?.format === "safeint" || def?.format === "int32" ? "must be an integer" : undefined;
}
