import { ApiError, problemKey } from "./problem";

/** One record's outcome of a bulk action: done, or refused with the problem the API answered. */
export type BulkResult =
  | { id: string; number: string; status: "done" }
  | { id: string; number: string; status: "refused"; problem: string; detail?: string };

export interface BulkTarget {
  id: string;
  number: string;
  /** the version the agent saw in the queue: sent as If-Match, so a record changed since is refused (412) */
  version: number;
}

/** The If-Match value of a version (the services' ETag is the quoted version: service-support's ETags). */
export function ifMatchOf(version: number): string {
  return `"${version}"`;
}

/** The result of one record from what its call did: nothing thrown is done, a thrown ApiError is refused. */
export function resultOf(target: BulkTarget, error?: unknown): BulkResult {
  if (error === undefined) return { id: target.id, number: target.number, status: "done" };
  if (error instanceof ApiError) {
    return {
      id: target.id,
      number: target.number,
      status: "refused",
      problem: problemKey(error.problem, error.status),
      detail: error.problem.detail,
    };
  }
  return { id: target.id, number: target.number, status: "refused", problem: "network" };
}

/** Applies the action to each record in turn (one at a time: the services are not flooded) and collects results. */
export async function applyToEach(
  targets: readonly BulkTarget[],
  action: (target: BulkTarget) => Promise<unknown>,
  onResult?: (result: BulkResult) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const target of targets) {
    let result: BulkResult;
    try {
      await action(target);
      result = resultOf(target);
    } catch (error) {
      result = resultOf(target, error);
    }
    results.push(result);
    onResult?.(result);
  }
  return results;
}

/** Counts of done and refused records, for the summary line. */
export function summarise(results: readonly BulkResult[]): { done: number; refused: number } {
  const done = results.filter((r) => r.status === "done").length;
  return { done, refused: results.length - done };
}
