import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { ApiError, PROBLEM_BASE, problemKey, problemMessage } from "./problem";

const t = (key: string) => {
  const [, name] = key.split(".");
  return (en.problems as Record<string, string>)[name] ?? key;
};

describe("problem types", () => {
  it("maps a catalogued type to its key", () => {
    expect(problemKey({ type: `${PROBLEM_BASE}stale-version` }, 412)).toBe("stale-version");
    expect(problemKey({ type: `${PROBLEM_BASE}illegal-move` }, 409)).toBe("illegal-move");
    expect(problemKey({ type: `${PROBLEM_BASE}database-unavailable` }, 503)).toBe("database-unavailable");
  });
  it("falls back on the status for unknown or missing types", () => {
    expect(problemKey({ type: "https://example.com/other" }, 404)).toBe("not-found");
    expect(problemKey(undefined, 429)).toBe("rate-limited");
    expect(problemKey({}, 418)).toBe("unknown");
  });
  it("gives the translated message, the detail and the field errors", () => {
    const error = new ApiError(400, {
      type: `${PROBLEM_BASE}validation`,
      detail: "1 invalid field",
      errors: [{ field: "shortDescription", message: "must not be blank" }],
    });
    const result = problemMessage(error, t);
    expect(result.message).toBe(en.problems.validation);
    expect(result.detail).toBe("1 invalid field");
    expect(result.errors).toEqual([{ field: "shortDescription", message: "must not be blank" }]);
  });
  it("calls a failed fetch a network error", () => {
    expect(problemMessage(new TypeError("Failed to fetch"), t).message).toBe(en.problems.network);
  });
});
