import { ApiError } from "./problem";

/** A record read together with its ETag, the version an edit must name in If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

export type EditOutcome<T> =
  | { kind: "saved"; record: Versioned<T> }
  | { kind: "stale"; current: Versioned<T> };

/**
 * Applies an edit with If-Match. When the server answers 412 (someone changed the record since it was read),
 * reads the current version and returns it, so the UI can show what changed and let the user re-apply.
 */
export async function editWithIfMatch<T>(
  etag: string,
  apply: (ifMatch: string) => Promise<Versioned<T>>,
  reload: () => Promise<Versioned<T>>,
): Promise<EditOutcome<T>> {
  try {
    return { kind: "saved", record: await apply(etag) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) {
      return { kind: "stale", current: await reload() };
    }
    throw error;
  }
}

/** The fields whose values differ between what the user had and the current version. */
export function changedFields<T extends object>(before: T, after: T, fields: (keyof T)[]): (keyof T)[] {
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
