/**
 * Response templates (stored per assignment group by the API, `/api/v1/response-templates`). When an agent inserts
 * one, the console fills three placeholders: `{{caller}}` (the incident's caller), `{{number}}` (its number) and
 * `{{agent}}` (the signed-in agent's name). Any other `{{…}}` stays as written; a value the incident lacks leaves
 * its placeholder in place, for the agent to see and fill.
 */
export interface TemplateValues {
  caller?: string;
  number?: string;
  agent?: string;
}

export const PLACEHOLDERS = ["caller", "number", "agent"] as const;

export function fillTemplate(body: string, values: TemplateValues): string {
  return body.replace(/\{\{\s*(caller|number|agent)\s*\}\}/g, (whole, name: keyof TemplateValues) => {
    const value = values[name];
    return value ? value : whole;
  });
}

/** The text after inserting `insert` at the cursor (`start`–`end` replaced), and where the cursor lands. */
export function insertAt(text: string, insert: string, start: number, end: number) {
  const before = text.slice(0, start);
  const after = text.slice(end);
  return { text: before + insert + after, cursor: before.length + insert.length };
}
