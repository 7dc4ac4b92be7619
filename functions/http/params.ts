import { NotFoundError } from "../../domain/errors.js";
import { idSchema } from "../schemas/common.schema.js";
import type { HttpRequest } from "../shared/http.js";

/** A path id; one that cannot exist is simply not found. */
export function pathId(request: HttpRequest, name: string): string {
  const value = request.pathParameters[name];
  if (value === undefined || !idSchema.safeParse(value).success) throw new NotFoundError("Not found");
  return value;
}

export function pageOf(
  query: { limit?: number | undefined; cursor?: string | undefined },
  defaultLimit = 50,
) {
  return { limit: query.limit ?? defaultLimit, cursor: query.cursor };
}
