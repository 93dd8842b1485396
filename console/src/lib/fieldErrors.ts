import type { en } from "../i18n/en";
import type { FieldError } from "./problem";

type Catalogue = (typeof en)["fieldError"];

/**
 * The field error codes the console translates (`fieldError.<code>` in the catalogues); the type checker keeps the
 * list and the English catalogue together, and the catalogue test keeps Korean complete. Any other code (a JSON
 * Schema keyword such as multipleOf, or none: a rule of the practice) is shown with the server's English message.
 */
export const FIELD_ERROR_CODES = [
  "required",
  "too_long",
  "too_short",
  "pattern",
  "min",
  "max",
  "enum",
  "type",
  "unknown_field",
  "format",
  "invalid",
] as const satisfies readonly Exclude<keyof Catalogue, "kind" | "formatName">[];
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** JSON types and text formats named in `type` and `format` errors, translated when known. */
export const VALUE_KINDS = [
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
] as const satisfies readonly (keyof Catalogue["kind"])[];
export const FORMAT_NAMES = [
  "uuid",
  "date-time",
  "date",
  "time",
  "email",
  "uri",
  "duration",
  "time-zone",
] as const satisfies readonly (keyof Catalogue["formatName"])[];

type Translate = (key: string, options?: Record<string, unknown>) => string;

function isKnown<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

/** A param shown to people: lists joined, known kinds and formats translated. */
function shown(name: string, value: unknown, t: Translate): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (name === "expected" && isKnown(VALUE_KINDS, value)) return t(`fieldError.kind.${value}`);
  if (name === "format" && isKnown(FORMAT_NAMES, value)) return t(`fieldError.formatName.${value}`);
  return String(value);
}

/** The message of a field error in the user's language: its code translated, else the server's message. */
export function fieldErrorMessage(error: FieldError, t: Translate): string {
  if (!isKnown(FIELD_ERROR_CODES, error.code)) return error.message;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) params[name] = shown(name, value, t);
  return t(`fieldError.${error.code}`, { ...params, interpolation: { escapeValue: false } });
}
