import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../adapters/dynamodb/cursor.js";
import { ValidationError } from "../../domain/errors.js";

const shape = {
  pk: { prefix: "TICKET#" },
  sk: "TICKET",
  gsi1pk: "CUSTOMER#a",
  gsi1sk: { prefix: "TICKET#c1#" },
};
const issued = { pk: "TICKET#t1", sk: "TICKET", gsi1pk: "CUSTOMER#a", gsi1sk: "TICKET#c1#2026-11-01#t1" };
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function refusal(cursor: string): unknown {
  try {
    decodeCursor(cursor, shape);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("decodeCursor", () => {
  it("gives back the key of a cursor the list issued", () => {
    // Prepare
    const cursor = encodeCursor(issued) ?? "";
    // Act
    const key = decodeCursor(cursor, shape);
    // Assess
    expect(key).toEqual(issued);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["a JSON array", forge([issued])],
    ["the base key alone (the index attributes missing)", forge({ sk: "", pk: "CONTRACT#x" })],
    ["another customer's partition", forge({ ...issued, gsi1pk: "CUSTOMER#b" })],
    ["another contract's sort key", forge({ ...issued, gsi1sk: "TICKET#c2#2026-11-01#t1" })],
    ["a sort key that is only the prefix", forge({ ...issued, gsi1sk: "TICKET#c1#" })],
    ["a base key of another kind of item", forge({ ...issued, pk: "CONTRACT#c1" })],
    ["a wrong fixed sort key", forge({ ...issued, sk: "CONTRACT" })],
    ["an attribute more", forge({ ...issued, gsi2pk: "TYPE#contract" })],
    ["a number instead of a string", forge({ ...issued, sk: 1 })],
    ["an overlong value", forge({ ...issued, pk: `TICKET#${"x".repeat(600)}` })],
  ])("refuses %s as a validation error naming cursor", (_, cursor) => {
    // Act
    const error = refusal(cursor);
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toHaveProperty("cursor");
  });
});
