/** Reading values out of Terraform's JSON, where any attribute may be null, unknown or absent. */

export type JsonObject = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is JsonObject => !!v && typeof v === "object" && !Array.isArray(v);

/** The object, or an empty one for null and anything else. */
export const asObject = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});

export const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
