import { describe, expect, it } from "vitest";
import { generateZodModule } from "./zod-from-openapi.js";

const withSchema = (schema: object) => ({ components: { schemas: { Thing: schema } } });

describe("generateZodModule", () => {
  it("refuses a keyword it does not understand instead of dropping the constraint", () => {
    expect(() => generateZodModule(withSchema({ type: "string", contentEncoding: "base64" }))).toThrow(/"contentEncoding" is not supported/);
  });
  it("refuses a string format it does not know", () => {
    expect(() => generateZodModule(withSchema({ type: "string", format: "ipv4" }))).toThrow(/format ipv4/);
  });
  it("escapes slashes in patterns so the regex literal stays valid", () => {
    const code = generateZodModule(withSchema({ type: "string", pattern: "^https?://\\S+$" }));
    expect(code).toContain("/^https?:\\/\\/\\S+$/");
  });
  it("maps an operation to the schema of its successful JSON response", () => {
    const code = generateZodModule({
      components: { schemas: { Thing: { type: "boolean" } } },
      paths: { "/x": { get: { operationId: "getThing", responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } } } } },
    } as any);
    expect(code).toMatch(/getThing: Thing,/);
  });
});
