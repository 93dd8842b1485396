import { describe, expect, it } from "vitest";
import { applyToEach, ifMatchOf, resultOf, summarise } from "./bulk";
import { ApiError } from "./problem";

const target = (n: number) => ({ id: `id-${n}`, number: `INC000000${n}`, version: n });

describe("resultOf", () => {
  it("maps no error to done", () => {
    expect(resultOf(target(1))).toEqual({ id: "id-1", number: "INC0000001", status: "done" });
  });
  it("maps a problem+json answer to refused with its type and detail", () => {
    const error = new ApiError(409, {
      type: "https://itsm.dev/problems/illegal-move",
      status: 409,
      detail: "CLOSED → RESOLVED is not allowed",
    });
    expect(resultOf(target(2), error)).toEqual({
      id: "id-2",
      number: "INC0000002",
      status: "refused",
      problem: "illegal-move",
      detail: "CLOSED → RESOLVED is not allowed",
    });
  });
  it("maps a stale version (412 without a type) and a 403 by status", () => {
    expect(resultOf(target(3), new ApiError(412, { status: 412 }))).toMatchObject({
      problem: "stale-version",
    });
    expect(resultOf(target(3), new ApiError(403, { status: 403 }))).toMatchObject({ problem: "forbidden" });
  });
  it("maps anything else to a network failure", () => {
    expect(resultOf(target(4), new TypeError("Failed to fetch"))).toMatchObject({
      status: "refused",
      problem: "network",
    });
  });
});

describe("applyToEach", () => {
  it("applies the action to each record in order and reports each result as it comes", async () => {
    const seen: string[] = [];
    const reported: string[] = [];
    const results = await applyToEach(
      [target(1), target(2), target(3)],
      async (t) => {
        seen.push(t.number);
        if (t.version === 2) throw new ApiError(403, { type: "https://itsm.dev/problems/forbidden" });
      },
      (r) => reported.push(`${r.number}:${r.status}`),
    );
    expect(seen).toEqual(["INC0000001", "INC0000002", "INC0000003"]);
    expect(reported).toEqual(["INC0000001:done", "INC0000002:refused", "INC0000003:done"]);
    expect(summarise(results)).toEqual({ done: 2, refused: 1 });
  });
});

describe("ifMatchOf", () => {
  it("quotes the version as the services' ETag does", () => {
    expect(ifMatchOf(7)).toBe('"7"');
  });
});
