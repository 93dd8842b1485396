/** A field a problem move asks for: on the problem itself (PATCHed first) or in the move's request body. */
export interface MoveInput {
  name: string;
  required: boolean;
}

export interface MoveForm {
  /** Whether the move asks for anything before it is made. */
  asks: boolean;
  /** The resolution codes to choose from (resolve only). */
  codes: string[];
  /** Fields the problem must hold first (recorded with PATCH /problems/{id}). */
  problemFields: MoveInput[];
  /** Fields of the move's request body. */
  bodyFields: MoveInput[];
}

/** The problem's own fields (UpdateProblem) a move may require, as opposed to the move's body fields. */
export const PROBLEM_FIELDS = ["rootCause", "workaround", "fixDescription"];

interface MoveLike {
  action?: string;
  resolutionCodes?: string[];
  requiredFields?: string[];
  requiredFieldsByCode?: Record<string, string[]>;
}

/**
 * What a move of next-states asks for, from what the API says it still needs (`requiredFields`, and for resolve
 * `requiredFieldsByCode` of the chosen code): fields of the problem go to the problem first, the rest into the
 * move's body. Resolve always offers its notes; the duplicate is asked for only with DUPLICATE.
 */
export function moveForm(move: MoveLike, code: string | undefined): MoveForm {
  const codes = move.resolutionCodes ?? [];
  const required = new Set(move.requiredFields ?? []);
  if (codes.length > 0) {
    required.delete("resolutionCode");
    for (const field of (code && move.requiredFieldsByCode?.[code]) || []) required.add(field);
  }
  const names = [...required];
  if (codes.length > 0) {
    if (!names.includes("resolutionNotes")) names.push("resolutionNotes");
    if (code === "DUPLICATE" && !names.includes("duplicateOf")) names.push("duplicateOf");
  }
  const inputs = names.map((name) => ({ name, required: required.has(name) }));
  const problemFields = inputs.filter((f) => PROBLEM_FIELDS.includes(f.name));
  const bodyFields = inputs.filter((f) => !PROBLEM_FIELDS.includes(f.name));
  if (codes.length > 0) bodyFields.unshift({ name: "resolutionCode", required: true });
  return { asks: codes.length > 0 || inputs.length > 0, codes, problemFields, bodyFields };
}
