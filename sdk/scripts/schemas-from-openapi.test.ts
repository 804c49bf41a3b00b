import { describe, expect, it } from "vitest";
import { generateSchemaModule } from "./schemas-from-openapi.js";

const withSchema = (schema: object) => ({ components: { schemas: { Thing: schema } } });

describe("generateSchemaModule", () => {
  it("refuses a keyword it does not understand instead of dropping the constraint", () => {
    expect(() => generateSchemaModule(withSchema({ type: "string", contentEncoding: "base64" }))).toThrow(/"contentEncoding" is not supported/);
  });
  it("refuses a string format it does not know", () => {
    expect(() => generateSchemaModule(withSchema({ type: "string", format: "ipv4" }))).toThrow(/format ipv4/);
  });
  it("escapes slashes in patterns so the regex literal stays valid", () => {
    const code = generateSchemaModule(withSchema({ type: "string", pattern: "^https?://\\S+$" }));
    expect(code).toContain("/^https?:\\/\\/\\S+$/");
  });
  it("maps an operation to the schema of its successful JSON response", () => {
    const code = generateSchemaModule({
      components: { schemas: { Thing: { type: "boolean" } } },
      paths: { "/x": { get: { operationId: "getThing", responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } } } } },
    } as any);
    expect(code).toMatch(/getThing: Thing,/);
  });
  it("maps an operation to the schema of its JSON request body, for checking before sending", () => {
    const code = generateSchemaModule({
      components: { schemas: { Thing: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false } } },
      paths: { "/x": { put: { operationId: "setThing", requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } }, responses: { "204": {} } } } },
    } as any);
    expect(code).toMatch(/requestSchemas = \{\n  setThing: Thing,/);
    expect(code).toMatch(/responseSchemas = \{\n  setThing: undefined,/);
  });
  it("refuses a oneOf it cannot check rather than accepting anything", () => {
    expect(() => generateSchemaModule(withSchema({ oneOf: [{ type: "string" }, { type: "integer" }] }))).toThrow(/oneOf/);
  });
});
